using RagPlatform.Core.Text;

namespace RagPlatform.Ingestion.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("The model is small. It runs on a laptop.", new[] { "The model is small.", "It runs on a laptop." })]
    [InlineData("Does it work? Yes! It does.", new[] { "Does it work?", "Yes!", "It does." })]
    [InlineData("Really?! I doubt it.", new[] { "Really?!", "I doubt it." })]
    [InlineData("Wait… The results changed.", new[] { "Wait…", "The results changed." })]
    [InlineData("There were 3 runs. 2 of them failed.", new[] { "There were 3 runs.", "2 of them failed." })]
    [InlineData("No terminal punctuation here", new[] { "No terminal punctuation here" })]
    [InlineData("  Leading and trailing space.   ", new[] { "Leading and trailing space." })]
    [InlineData("the sentence continues. after a lower-case word.", new[] { "the sentence continues. after a lower-case word." })]
    public void SplitsEnglishSentences(string text, string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Model ini kecil. Ia berjalan di laptop.", new[] { "Model ini kecil.", "Ia berjalan di laptop." })]
    [InlineData("Apakah hasilnya benar? Ya, benar! Kami sudah mengujinya.", new[] { "Apakah hasilnya benar?", "Ya, benar!", "Kami sudah mengujinya." })]
    [InlineData("Siapkan buku, pena, dll. Kemudian mulai menulis.", new[] { "Siapkan buku, pena, dll. Kemudian mulai menulis." })]
    [InlineData("Gunakan data teks, gambar, dsb. Semua diproses.", new[] { "Gunakan data teks, gambar, dsb. Semua diproses." })]
    [InlineData("Langkah satu, dua, dst. Lalu selesai.", new[] { "Langkah satu, dua, dst. Lalu selesai." })]
    [InlineData("Yth. Bapak Rektor. Dengan hormat kami sampaikan.", new[] { "Yth. Bapak Rektor.", "Dengan hormat kami sampaikan." })]
    [InlineData("Lihat hlm. 12 untuk detail. Bab berikutnya membahas evaluasi.", new[] { "Lihat hlm. 12 untuk detail.", "Bab berikutnya membahas evaluasi." })]
    [InlineData("Ada banyak metode, misal. BM25 dan vektor.", new[] { "Ada banyak metode, misal. BM25 dan vektor." })]
    [InlineData("Surat No. 15 sudah dikirim. Mohon dicek.", new[] { "Surat No. 15 sudah dikirim.", "Mohon dicek." })]
    [InlineData("Harganya Rp. 5.000 per buah. Murah sekali.", new[] { "Harganya Rp. 5.000 per buah.", "Murah sekali." })]
    [InlineData("Dosennya Prof. Dr. Ir. Budi Santoso, M.Sc. Beliau ramah.", new[] { "Dosennya Prof. Dr. Ir. Budi Santoso, M.Sc. Beliau ramah." })]
    [InlineData("Nilainya naik 3,5 persen. Itu signifikan.", new[] { "Nilainya naik 3,5 persen.", "Itu signifikan." })]
    public void SplitsIndonesianSentences(string text, string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("The accuracy rose to 3.5 points. It then fell.", new[] { "The accuracy rose to 3.5 points.", "It then fell." })]
    [InlineData("Use a small model, e.g. MiniLM. It is fast.", new[] { "Use a small model, e.g. MiniLM.", "It is fast." })]
    [InlineData("Dense retrieval, i.e. Vector search, helps.", new[] { "Dense retrieval, i.e. Vector search, helps." })]
    [InlineData("We tried BM25, TF-IDF, etc. All of them worked.", new[] { "We tried BM25, TF-IDF, etc. All of them worked." })]
    [InlineData("Dr. Smith met Mr. Jones. They talked.", new[] { "Dr. Smith met Mr. Jones.", "They talked." })]
    [InlineData("It was BM25 vs. Dense retrieval. Dense won.", new[] { "It was BM25 vs. Dense retrieval.", "Dense won." })]
    [InlineData("See No. 4 in the list. It is short.", new[] { "See No. 4 in the list.", "It is short." })]
    [InlineData("The answer was no. The next question came.", new[] { "The answer was no.", "The next question came." })]
    [InlineData("J. R. R. Tolkien wrote it. He was British.", new[] { "J. R. R. Tolkien wrote it.", "He was British." })]
    [InlineData("She moved to the U.S. Army base. It was far.", new[] { "She moved to the U.S. Army base.", "It was far." })]
    [InlineData("Visit https://example.com/docs/v1.2/index.html for more. Then return.", new[] { "Visit https://example.com/docs/v1.2/index.html for more.", "Then return." })]
    [InlineData("Mail budi.santoso@kampus.ac.id today. He answers fast.", new[] { "Mail budi.santoso@kampus.ac.id today.", "He answers fast." })]
    [InlineData("Load model.onnx and vocab.txt first. Then run.", new[] { "Load model.onnx and vocab.txt first.", "Then run." })]
    [InlineData("The file is config.json. Edit it.", new[] { "The file is config.json.", "Edit it." })]
    public void DoesNotSplitOnDecimalsAbbreviationsInitialsOrAddresses(string text, string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("He said \"stop.\" Then he left.", new[] { "He said \"stop.\"", "Then he left." })]
    [InlineData("She asked, “Is it ready?” Nobody answered.", new[] { "She asked, “Is it ready?”", "Nobody answered." })]
    [InlineData("He left. “Why?” she wondered.", new[] { "He left.", "“Why?” she wondered." })]
    [InlineData("“I was thinking… Maybe not,” he said. Then he smiled.", new[] { "“I was thinking… Maybe not,” he said.", "Then he smiled." })]
    [InlineData("\"Well... Perhaps,\" she said. Fine.", new[] { "\"Well... Perhaps,\" she said.", "Fine." })]
    [InlineData("The method works (mostly.) Results follow.", new[] { "The method works (mostly.)", "Results follow." })]
    public void HandlesQuotesAndBrackets(string text, string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void ParagraphBreaksEndSentencesEvenWithoutPunctuation()
    {
        var text = "Introduction\n\nThe system indexes documents\nand answers questions.\r\n\r\nBagian kedua tanpa titik";

        Assert.Equal(
            ["Introduction", "The system indexes documents\nand answers questions.", "Bagian kedua tanpa titik"],
            Sentences(text));
    }

    [Fact]
    public void ListItemsEndSentencesAndTheirMarkersAreExcluded()
    {
        var text = "Steps:\n- install the tool\n- run it\n1. Open the file\n2) Close it\n• butir ketiga\n(a) opsi pertama";

        Assert.Equal(
            ["Steps:", "install the tool", "run it", "Open the file", "Close it", "butir ketiga", "opsi pertama"],
            Sentences(text));
    }

    [Fact]
    public void SpansIndexTheOriginalTextAndAreTrimmed()
    {
        var text = "  First one.   Second one!\n\n  Third?  ";

        var spans = SentenceSplitter.Split(text);

        Assert.Equal([new TextSpan(2, 10), new TextSpan(15, 11), new TextSpan(30, 6)], spans);
        Assert.All(spans, span => Assert.Equal(span.Start + span.Length, span.End));
        Assert.All(spans, span => Assert.False(char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1])));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t ")]
    public void BlankTextHasNoSentences(string text) => Assert.Empty(SentenceSplitter.Split(text));

    [Fact]
    public void SentencesDoNotOverlapAndCoverAllNonWhitespaceText()
    {
        var text = "Retrieval-augmented generation (RAG) menggabungkan pencarian dan generasi. Dokumen dipecah menjadi potongan, "
            + "mis. 256 token. Skor BM25 dihitung per potongan! Apakah hasilnya baik? Lihat Tabel 3.2 dan hlm. 7.\n\n"
            + "Next, the answer is checked... Every claim needs a citation [1].";

        var spans = SentenceSplitter.Split(text);

        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i].Start >= spans[i - 1].End);
        }

        var covered = string.Concat(spans.Select(s => text.Substring(s.Start, s.Length))).Where(c => !char.IsWhiteSpace(c));
        Assert.Equal(text.Where(c => !char.IsWhiteSpace(c)), covered);
        Assert.Equal(7, spans.Count);
    }

    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(span => text.Substring(span.Start, span.Length)).ToArray();
}
