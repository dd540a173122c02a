using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Tests.Metrics;

/// <summary>
/// Behaviour of the official SQuAD v1.1 evaluate script (normalize_answer, f1_score, exact_match_score,
/// metric_max_over_ground_truths). The corpus-level cases are the examples of the Hugging Face "squad" metric card
/// (huggingface/evaluate, metrics/squad/README.md), which wraps that script.
/// </summary>
public sealed class SquadMetricsTests
{
    [Theory]
    [InlineData("The  Cat, sat!", "cat sat")]
    [InlineData("An apple a day", "apple day")]
    [InlineData("theatre", "theatre")]
    [InlineData("Rock'n'Roll", "rocknroll")]
    [InlineData("   Rock    n  Roll.", "rock n roll")]
    public void Normalises_like_the_official_script(string input, string expected)
    {
        Assert.Equal(expected, SquadMetrics.NormalizeAnswer(input));
    }

    [Fact]
    public void Only_ascii_punctuation_is_removed()
    {
        // string.punctuation is ASCII: typographic quotes and accents survive normalisation.
        Assert.Equal("“quoted”", SquadMetrics.NormalizeAnswer("“Quoted”"));
        Assert.Equal(0, SquadMetrics.ExactMatch("Beyonce", "Beyoncé"));
    }

    [Fact]
    public void F1_counts_shared_tokens_with_multiplicity()
    {
        var precision = 1.0 / 1;
        var recall = 1.0 / 3;

        Assert.Equal(2 * precision * recall / (precision + recall), SquadMetrics.F1("rock", "rock n roll"), 12);
        Assert.Equal(1, SquadMetrics.F1("rock n roll", "rock n roll"));
        Assert.Equal(2.0 * (2.0 / 3) * 1 / ((2.0 / 3) + 1), SquadMetrics.F1("cat cat dog", "cat dog"), 12);
        Assert.Equal(0, SquadMetrics.F1("", "anything"));
    }

    [Fact]
    public void Scores_take_the_best_gold_answer()
    {
        string[] golds = ["Denver Broncos", "The Denver Broncos", "Broncos"];

        Assert.Equal(1, SquadMetrics.MaxExactMatch("the broncos", golds));
        Assert.Equal(1, SquadMetrics.MaxF1("Denver Broncos!", golds));
    }

    [Fact]
    public void Metric_card_partial_match_example()
    {
        (string Prediction, string Gold)[] examples = [("1976", "1976"), ("Beyonce", "Beyoncé and Bruno Mars"), ("climate change", "climate change")];

        var exactMatch = 100 * examples.Average(e => SquadMetrics.MaxExactMatch(e.Prediction, [e.Gold]));
        var f1 = 100 * examples.Average(e => SquadMetrics.MaxF1(e.Prediction, [e.Gold]));

        Assert.Equal(66.66666666666667, exactMatch, 10);
        Assert.Equal(66.66666666666667, f1, 10);
        Assert.Equal(0, SquadMetrics.MaxF1("1999", ["1976"]));
    }
}
