namespace RagPlatform.Ingestion.Tests;

public sealed class PdfReaderTests
{
    private readonly PdfReader _reader = new();

    [Fact]
    public async Task ExtractsTextWithOneBasedPageNumbers()
    {
        var pdf = TestDocuments.Pdf(
            "Laporan Evaluasi",
            ["Halaman pertama membahas retrieval.", "Baris kedua halaman satu."],
            ["The second page covers chunking."],
            ["Page three explains citations."]);

        var document = await _reader.ReadBytesAsync(pdf, "reports/eval.pdf");

        Assert.Equal("Laporan Evaluasi", document.Title);
        var content = DocumentContent.Create(document);
        Assert.Equal([1, 2, 3], content.Sections.Select(section => section.Page ?? 0));
        string PageText(int page) => content.Sections.Where(s => s.Page == page).Select(s => content.Text[s.Start..s.End]).Single();
        Assert.Contains("Halaman pertama membahas retrieval.", PageText(1));
        Assert.Contains("Baris kedua halaman satu.", PageText(1));
        Assert.Equal("The second page covers chunking.", PageText(2));
        Assert.Equal("Page three explains citations.", PageText(3));
    }

    [Fact]
    public async Task TitleFallsBackToFileName()
    {
        var document = await _reader.ReadBytesAsync(TestDocuments.Pdf(null, ["Text."]), "x/handout.pdf");

        Assert.Equal("handout", document.Title);
    }

    [Fact]
    public async Task PdfWithoutTextLayerIsRejected()
    {
        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(TestDocuments.PdfWithoutText(2), "scan.pdf"));

        Assert.Contains("no text layer", error.Reason);
        Assert.Contains("OCR is not supported", error.Reason);
    }

    [Fact]
    public async Task TruncatedPdfIsRejected()
    {
        var pdf = TestDocuments.Pdf(null, ["Some text."], ["More text."]);

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(pdf[..(pdf.Length / 2)], "cut.pdf"));

        Assert.Contains("truncated PDF", error.Reason);
    }

    [Fact]
    public async Task CorruptPdfIsRejected()
    {
        byte[] corrupt = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 2_000).Select(i => (byte)(i * 37 % 251)), .. "\n%%EOF\n"u8];

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(corrupt, "broken.pdf"));

        Assert.Contains("corrupt PDF", error.Reason);
    }

    [Fact]
    public async Task WrongSignatureIsRejected()
    {
        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync("just some text\n%%EOF"u8.ToArray(), "fake.pdf"));

        Assert.Contains("not a PDF", error.Reason);
    }
}
