namespace RagPlatform.Ingestion.Tests;

public sealed class DocxReaderTests
{
    private readonly DocxReader _reader = new();

    [Fact]
    public async Task HeadingStylesBecomeHeadingPathsAndTablesBecomeRows()
    {
        var docx = TestDocuments.Docx(
            "Pedoman Proyek",
            [
                TestDocuments.Paragraph("Pedoman", "Title"),
                TestDocuments.Paragraph("Pendahuluan", "Heading1"),
                TestDocuments.Paragraph("Dokumen ini menjelaskan proyek."),
                TestDocuments.Paragraph("Data", "Heading2"),
                TestDocuments.Table(["Kolom", "Tipe"], ["id", "int"]),
                TestDocuments.Paragraph("Metode", "Heading1"),
                TestDocuments.Paragraph("Kami memakai BM25."),
            ]);

        var document = await _reader.ReadBytesAsync(docx, "docs/pedoman.docx");

        Assert.Equal("Pedoman Proyek", document.Title);
        Assert.Equal(
            [
                ("Dokumen ini menjelaskan proyek.", "Pedoman > Pendahuluan"),
                ("Kolom | Tipe", "Pedoman > Pendahuluan > Data"),
                ("id | int", "Pedoman > Pendahuluan > Data"),
                ("Kami memakai BM25.", "Pedoman > Metode"),
            ],
            document.Blocks.Select(block => (block.Text, block.HeadingPath)));
    }

    [Fact]
    public async Task HeadingsAreRecognisedByStyleNameWhenTheIdIsLocalised()
    {
        var docx = TestDocuments.Docx(
            title: null,
            [
                TestDocuments.Paragraph("Bab Satu", "Judul1"),
                TestDocuments.Paragraph("Isi bab satu."),
                TestDocuments.Paragraph("Bagian A", "Judul2"),
                TestDocuments.Paragraph("Isi bagian A."),
            ],
            [TestDocuments.ParagraphStyle("Judul1", "heading 1"), TestDocuments.ParagraphStyle("Judul2", "heading 2")]);

        var document = await _reader.ReadBytesAsync(docx, "docs/bab.docx");

        Assert.Equal("Bab Satu", document.Title);
        Assert.Equal(["Bab Satu", "Bab Satu > Bagian A"], document.Blocks.Select(block => block.HeadingPath));
    }

    [Fact]
    public async Task RandomBytesAreNotADocx()
    {
        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(TestDocuments.RandomBytes(4_096), "fake.docx"));

        Assert.Contains("not a DOCX", error.Reason);
    }

    [Fact]
    public async Task TruncatedArchiveIsReported()
    {
        var docx = TestDocuments.Docx(null, [TestDocuments.Paragraph("Text.")]);

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(docx[..(docx.Length / 2)], "cut.docx"));

        Assert.Contains("corrupt or truncated DOCX", error.Reason);
    }

    [Fact]
    public async Task ZipBombIsRefusedBeforeOpening()
    {
        var bomb = TestDocuments.Zip("word/document.xml", "<w:document/>", claimedSize: 2_000_000_000);

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(bomb, "bomb.docx"));

        Assert.Contains("zip bomb", error.Reason);
        Assert.Contains("word/document.xml", error.Reason);
    }

    [Fact]
    public async Task ZipWithoutWordContentIsReported()
    {
        var zip = TestDocuments.Zip("readme.txt", "Not a Word document.");

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(zip, "other.docx"));

        Assert.Contains("not a Word document", error.Reason);
    }
}
