using Microsoft.Extensions.Options;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;
using RagPlatform.Rag.Answering;

namespace RagPlatform.Rag.Tests;

public sealed class ExtractiveAnswererTests
{
    private const string AttentionDocument =
        "Attention basics\n\n" +
        "Self-attention lets every token look at every other token in the same sequence. " +
        "Each token is projected into a query, a key and a value vector. " +
        "The weights are softmax(QK^T / sqrt(d_k)) and they mix the value vectors.\n\n" +
        "Multi-head attention runs several attention heads in parallel and concatenates their outputs.";

    private const string LoraDocument =
        "LoRA menambahkan dua matriks kecil berperingkat rendah di samping bobot yang dibekukan. " +
        "Hanya matriks kecil itu yang dilatih, sehingga jumlah parameter yang dilatih turun drastis.";

    private static readonly ExtractiveAnswerer Answerer = new(MultilingualAnalyzer.Default, Options.Create(new AnsweringOptions()));

    [Fact]
    public void Answer_quotes_only_source_sentences_and_cites_each()
    {
        var context = Context();

        var answer = Answerer.Answer("What is self-attention?", "en", context);

        Assert.False(answer.Abstained);
        Assert.NotEmpty(answer.Citations);
        foreach (var sentence in AnswerSentences(answer.Text))
        {
            Assert.Contains(context, c => c.Chunk.Text.Contains(sentence, StringComparison.Ordinal));
        }

        Assert.StartsWith("Self-attention lets every token look at every other token", answer.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Citation_offsets_locate_the_quote_in_the_document_text()
    {
        var context = Context();

        var answer = Answerer.Answer("How are the attention weights computed with softmax?", "en", context);

        var citation = Assert.Single(answer.Citations, c => c.Quote.Contains("softmax", StringComparison.Ordinal));
        Assert.Equal(citation.Quote, AttentionDocument[citation.StartOffset..citation.EndOffset]);
    }

    [Fact]
    public void Indonesian_question_is_answered_from_the_Indonesian_passage()
    {
        var answer = Answerer.Answer("Bagaimana LoRA mengurangi jumlah parameter yang dilatih?", "id", Context());

        Assert.False(answer.Abstained);
        Assert.Contains("jumlah parameter yang dilatih turun drastis", answer.Text, StringComparison.Ordinal);
        Assert.Equal("id", answer.Language);
    }

    [Theory]
    [InlineData("What is the capital of Australia?", "en", AbstentionMessages.English)]
    [InlineData("Berapa harga kartu grafis terbaru?", "id", AbstentionMessages.Indonesian)]
    public void Weak_evidence_abstains_in_the_question_language(string question, string language, string expected)
    {
        var answer = Answerer.Answer(question, language, Context());

        Assert.True(answer.Abstained);
        Assert.Equal(expected, answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public void No_context_abstains()
    {
        var answer = Answerer.Answer("What is self-attention?", "en", []);

        Assert.True(answer.Abstained);
    }

    [Fact]
    public void Streamed_pieces_concatenate_to_the_final_text()
    {
        var updates = Answerer.AnswerIncrementally("What is multi-head attention?", "en", Context()).ToList();

        var final = Assert.Single(updates, u => u.IsFinal).Completed!;
        Assert.Equal(final.Text, string.Concat(updates.Select(u => u.TextDelta)));
        Assert.True(updates[^1].IsFinal);
    }

    private static IReadOnlyList<ScoredChunk> Context()
    {
        var body = AttentionDocument.IndexOf("Self-attention", StringComparison.Ordinal);
        var attention = new Chunk(
            "doc-a:0", "doc-a", 0, AttentionDocument[body..], "/docs/attention.md", "Attention", "Attention basics", null, body, AttentionDocument.Length, 60);
        var lora = new Chunk("doc-b:0", "doc-b", 0, LoraDocument, "/docs/lora.md", "LoRA", "", null, 0, LoraDocument.Length, 40);
        return [new ScoredChunk(attention, 2.0), new ScoredChunk(lora, 1.0)];
    }

    private static IEnumerable<string> AnswerSentences(string text) =>
        System.Text.RegularExpressions.Regex.Split(text, @"\s*\[\d+\]\s*").Where(s => s.Length > 0);
}
