using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Tests.Metrics;

public sealed class PassageRelevanceTests
{
    private const string Passage = "The Transformer relies entirely on self-attention.";

    [Theory]
    [InlineData("Intro. THE   transformer relies\nentirely on self-attention. More text.", true)]
    [InlineData("The Transformer relies on self attention layers only.", true)]
    [InlineData("Attention is one component of modern networks.", false)]
    [InlineData("", false)]
    public void Containment_or_sixty_percent_of_the_passage_tokens(string chunk, bool relevant)
    {
        Assert.Equal(relevant, PassageRelevance.IsRelevant(Passage, chunk));
    }

    [Fact]
    public void Shared_token_fraction_uses_distinct_passage_tokens()
    {
        // Passage tokens: the, transformer, relies, entirely, on, self, attention (7); the chunk has 4 of them.
        Assert.Equal(4.0 / 7, PassageRelevance.SharedTokenFraction(Passage, "transformer self attention on steroids"), 12);
    }

    [Fact]
    public void Qa_retrieval_scores_count_each_gold_passage_once()
    {
        string[] passages = ["alpha beta gamma delta", "epsilon zeta eta theta"];
        string[] chunks = ["unrelated words here", "alpha beta gamma delta and more", "alpha beta gamma delta again", "epsilon zeta eta theta"];

        var matches = QaRetrievalScoring.MatchPassages(chunks, passages);
        var scores = QaRetrievalScoring.Score(matches, passages.Length, k: 3);

        Assert.Equal(1, scores[MetricKeys.HitAt(3)]);
        Assert.Equal(0, scores[MetricKeys.HitAt(1)]);
        Assert.Equal(0.5, scores[MetricKeys.Mrr]);
        Assert.Equal(0.5, scores[MetricKeys.RecallAt(3)]);
        Assert.Equal(1.0 / 3, scores[MetricKeys.PrecisionAt(3)], 12);
        Assert.Equal(2.0 / 3, scores[MetricKeys.ContextPrecision], 12);
        Assert.Equal(0.5, scores[MetricKeys.ContextRecall]);
        Assert.Equal(((1 / 2.0) + (2 / 4.0)) / 2, scores[MetricKeys.Map], 12);
    }
}
