using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using RagPlatform.Core.Text;

namespace RagPlatform.Ingestion.Tests;

public sealed class TextChunkerTests
{
    private static readonly Tokenizer Cl100k = TiktokenTokenizer.CreateForEncoding("cl100k_base");

    [Fact]
    public void PacksWholeParagraphsWhenTheyFit()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"Paragraph {i} explains one idea about retrieval. It has a second sentence too.").ToArray();
        var content = Content(paragraphs.Select(paragraph => new DocumentBlock(paragraph, "Guide", null)).ToArray());

        var chunks = Chunker(maxTokens: 64, overlapTokens: 0).Chunk(content);

        AssertInvariants(content, chunks, Cl100k, maxTokens: 64);
        Assert.InRange(chunks.Count, 2, paragraphs.Length - 1);
        var paragraphStarts = paragraphs.Select(paragraph => content.Text.IndexOf(paragraph, StringComparison.Ordinal)).ToHashSet();
        var paragraphEnds = paragraphs.Select(paragraph => content.Text.IndexOf(paragraph, StringComparison.Ordinal) + paragraph.Length).ToHashSet();
        Assert.All(chunks, chunk => Assert.Contains(chunk.StartOffset, paragraphStarts));
        Assert.All(chunks, chunk => Assert.Contains(chunk.EndOffset, paragraphEnds));
    }

    [Fact]
    public void LongParagraphSplitsAtSentencesAndCarriesWholeSentencesAsOverlap()
    {
        var paragraph = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"Sentence {i} describes step {i} of the pipeline."));
        var content = Content(new DocumentBlock(paragraph, string.Empty, null));
        var sentences = SentenceSplitter.Split(content.Text);

        var chunks = Chunker(maxTokens: 64, overlapTokens: 24).Chunk(content);

        AssertInvariants(content, chunks, Cl100k, maxTokens: 64);
        Assert.True(chunks.Count >= 5);
        Assert.All(chunks, chunk => Assert.Contains(sentences, sentence => sentence.End == chunk.EndOffset));
        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            Assert.True(next.StartOffset < previous.EndOffset, "consecutive chunks of one section overlap");
            Assert.Contains(sentences, sentence => sentence.Start == next.StartOffset);
            Assert.InRange(Cl100k.CountTokens(content.Text[next.StartOffset..previous.EndOffset]), 1, 24);
        }
    }

    [Fact]
    public void ChunksNeverCrossSectionsOrPages()
    {
        var content = Content(
            new DocumentBlock("Intro on page one.", "Intro", 1),
            new DocumentBlock("More intro, still page one.", "Intro", 1),
            new DocumentBlock("Intro continues on page two.", "Intro", 2),
            new DocumentBlock("Method details.", "Intro > Method", 2),
            new DocumentBlock("Results.", "Results", 3));

        var chunks = Chunker(maxTokens: 256, overlapTokens: 32).Chunk(content);

        AssertInvariants(content, chunks, Cl100k, maxTokens: 256);
        Assert.Equal(
            [
                ("Intro on page one.\n\nMore intro, still page one.", "Intro", (int?)1),
                ("Intro continues on page two.", "Intro", 2),
                ("Method details.", "Intro > Method", 2),
                ("Results.", "Results", 3),
            ],
            chunks.Select(chunk => (chunk.Text, chunk.HeadingPath, chunk.Page)));
    }

    [Fact]
    public void SentenceOfTwoThousandTokensIsSplitAtTokenBoundaries()
    {
        var words = Enumerable.Range(0, 1_100).Select(i => $"kata{i}");
        var sentence = string.Join(" ", words) + ".";
        var content = Content(new DocumentBlock("Short lead sentence.", "Long", null), new DocumentBlock(sentence, "Long", null));
        Assert.True(Cl100k.CountTokens(sentence) >= 2_000);

        var chunks = Chunker(maxTokens: 128, overlapTokens: 16).Chunk(content);

        AssertInvariants(content, chunks, Cl100k, maxTokens: 128);
        Assert.True(chunks.Count >= 2_000 / 128);
        Assert.All(chunks.Skip(1), chunk => Assert.True(chunk.TokenCount > 64, "pieces are filled close to the limit"));
        Assert.Equal("Short lead sentence.", chunks[0].Text);
        Assert.Equal(sentence.Replace(" ", string.Empty), string.Concat(chunks.Skip(1).Select(chunk => chunk.Text)).Replace(" ", string.Empty));
    }

    [Fact]
    public void IndonesianTextIsCutOnlyAtRealSentenceEnds()
    {
        const string paragraph =
            "Sistem temu kembali informasi mengindeks dokumen, artikel, dll. Kemudian sistem menghitung skor BM25. "
            + "Menurut Dr. Budi, nilai k1 sebaiknya 1,2 dan b sebesar 0,75. Lihat hlm. 12 untuk rumusnya. "
            + "Setiap potongan teks diberi skor, misal. BM25 atau vektor padat. Hasil terbaik ditampilkan dulu. "
            + "Pengguna dapat memberi umpan balik. Umpan balik dipakai untuk evaluasi berikutnya. "
            + "Evaluasi memakai MRR, nDCG, dsb. Semua metrik dihitung otomatis.";
        var content = Content(new DocumentBlock(paragraph, "Bab 2 > Metode", null));
        var sentenceEnds = SentenceSplitter.Split(content.Text).Select(sentence => sentence.End).ToHashSet();

        var chunks = Chunker(maxTokens: 40, overlapTokens: 12).Chunk(content);

        AssertInvariants(content, chunks, Cl100k, maxTokens: 40);
        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, chunk => Assert.Contains(chunk.EndOffset, sentenceEnds));
        Assert.Contains(chunks, chunk => chunk.Text.Contains("dll. Kemudian", StringComparison.Ordinal));
        Assert.Contains(chunks, chunk => chunk.Text.Contains("Lihat hlm. 12 untuk rumusnya.", StringComparison.Ordinal));
        Assert.All(chunks, chunk => Assert.Equal("Bab 2 > Metode", chunk.HeadingPath));
    }

    [Fact]
    public void AcceptsAnyTokenizerIncludingNormalisingOnes()
    {
        var tokenizer = TinyBertTokenizer();
        var content = Content(
            new DocumentBlock("Retrieval Augmented Generation Combines Search And Writing. Short one.", "A", null),
            new DocumentBlock("Another Paragraph With Capitalised Words Everywhere", "A", null));

        var chunks = new TextChunker(Options.Create(new ChunkingOptions { MaxTokens = 16, OverlapTokens = 4 }), tokenizer).Chunk(content);

        AssertInvariants(content, chunks, tokenizer, maxTokens: 16);
        Assert.True(chunks.Count > 5);
    }

    [Fact]
    public void IsDeterministic()
    {
        var content = Content(
            new DocumentBlock(string.Join(" ", Enumerable.Range(1, 30).Select(i => $"Fakta nomor {i} tentang korpus.")), "X", 1),
            new DocumentBlock("Penutup.", "Y", 2));
        var chunker = Chunker(maxTokens: 48, overlapTokens: 16);

        Assert.Equal(chunker.Chunk(content), Chunker(maxTokens: 48, overlapTokens: 16).Chunk(content));
    }

    [Fact]
    public void EmptyContentHasNoChunks() =>
        Assert.Empty(Chunker(maxTokens: 64, overlapTokens: 8).Chunk(Content(new DocumentBlock("  ", string.Empty, null))));

    [Theory]
    [InlineData(8, 0, "Chunking:MaxTokens must be at least 16")]
    [InlineData(64, 64, "Chunking:OverlapTokens must be at least 0 and less than MaxTokens")]
    [InlineData(64, -1, "Chunking:OverlapTokens must be at least 0 and less than MaxTokens")]
    public void InvalidOptionsAreRejected(int maxTokens, int overlapTokens, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Chunker(maxTokens, overlapTokens));

        Assert.Contains(expected, error.Message);
    }

    private static TextChunker Chunker(int maxTokens, int overlapTokens) =>
        new(Options.Create(new ChunkingOptions { MaxTokens = maxTokens, OverlapTokens = overlapTokens }));

    private static DocumentContent Content(params DocumentBlock[] blocks) => DocumentContent.Create(new ExtractedDocument("Test", blocks));

    private static void AssertInvariants(DocumentContent content, IReadOnlyList<ChunkDraft> chunks, Tokenizer tokenizer, int maxTokens)
    {
        var covered = new bool[content.Text.Length];
        foreach (var chunk in chunks)
        {
            Assert.Equal(content.Text[chunk.StartOffset..chunk.EndOffset], chunk.Text);
            Assert.Equal(chunk.Text.Trim(), chunk.Text);
            Assert.NotEmpty(chunk.Text);
            Assert.Equal(tokenizer.CountTokens(chunk.Text), chunk.TokenCount);
            Assert.InRange(chunk.TokenCount, 1, maxTokens);
            var section = Assert.Single(content.Sections, section => section.Start <= chunk.StartOffset && chunk.EndOffset <= section.End);
            Assert.Equal((section.HeadingPath, section.Page), (chunk.HeadingPath, chunk.Page));
            Array.Fill(covered, true, chunk.StartOffset, chunk.EndOffset - chunk.StartOffset);
        }

        Assert.All(Enumerable.Range(0, content.Text.Length), i => Assert.True(covered[i] || char.IsWhiteSpace(content.Text[i]), $"character {i} is in no chunk"));
        Assert.Equal(chunks.OrderBy(chunk => chunk.StartOffset).ThenBy(chunk => chunk.EndOffset), chunks);
    }

    /// <summary>A BERT WordPiece tokenizer over single characters: it lower-cases, so raw and normalised counts differ.</summary>
    private static Tokenizer TinyBertTokenizer()
    {
        var characters = "abcdefghijklmnopqrstuvwxyz0123456789".Select(c => c.ToString()).ToList();
        IEnumerable<string> vocabulary =
        [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            .. characters, .. characters.Select(c => "##" + c), ".", ",", "!", "?",
        ];
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", vocabulary) + "\n"));
        return BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = true });
    }
}
