using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Tests.Metrics;

/// <summary>Expected values are sacreBLEU's own test vectors (mjpost/sacrebleu, test/test_bleu.py and test/test_sentence_bleu.py).</summary>
public sealed class BleuTests
{
    // test_bleu.py: the README example with two reference streams.
    private static readonly string[] Hypotheses = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];

    private static readonly IReadOnlyList<IReadOnlyList<string>> ReferenceStreams =
    [
        ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
        ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
    ];

    // test_sentence_bleu.py: example from sacreBLEU issue #98.
    private const string SentenceReference = "producţia de zahăr brut se exprimă în zahăr alb;";
    private const string SentenceHypothesis = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    [Theory]
    [InlineData(BleuSmoothing.Exponential, BleuTokenizer.Mteval13a, 48.530827)]
    [InlineData(BleuSmoothing.None, BleuTokenizer.Mteval13a, 48.530827)]
    [InlineData(BleuSmoothing.Exponential, BleuTokenizer.None, 49.1919566)]
    public void Corpus_bleu_matches_sacrebleu(BleuSmoothing smoothing, BleuTokenizer tokenizer, double expected)
    {
        var score = Bleu.CorpusScore(Hypotheses, ReferenceStreams, new BleuOptions(smoothing, Tokenizer: tokenizer));

        Assert.Equal(expected, score.Score, 1e-6);
    }

    [Theory]
    [InlineData(1, "77.65")]
    [InlineData(2, "60.50")]
    [InlineData(3, "53.93")]
    [InlineData(4, "48.53")]
    [InlineData(5, "46.14")]
    [InlineData(6, "43.28")]
    public void Max_ngram_order_matches_sacrebleu(int order, string expected)
    {
        // test_bleu.py test_max_ngram_order.
        var score = Bleu.CorpusScore(Hypotheses, ReferenceStreams, new BleuOptions(MaxNgramOrder: order));

        Assert.Equal(expected, score.Score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Empty_hypotheses_are_scored_not_dropped()
    {
        var score = Bleu.CorpusScore(["", "", ""], ReferenceStreams);

        Assert.Equal(0, score.Score);
        Assert.Equal(0, score.HypothesisLength);
    }

    // test_bleu.py test_raw_bleu and test_effective_order: raw_corpus_bleu = floor smoothing 0.01, no tokenisation,
    // effective order. The first case "now returns 0.0 score (#141)" in sacreBLEU 2.x.
    [Theory]
    [InlineData(new[] { "this is a test", "another test" }, new[] { "ref1", "ref2" }, 0.0)]
    [InlineData(new[] { "this is a test" }, new[] { "this is a test" }, 1.0)]
    [InlineData(new[] { "this is a fest" }, new[] { "this is a test" }, 0.223606797749979)]
    [InlineData(new[] { "test" }, new[] { "a test" }, 0.3678794411714425)]
    [InlineData(new[] { "a test" }, new[] { "a test" }, 1.0)]
    [InlineData(new[] { "a little test" }, new[] { "a test" }, 0.03218297948685433)]
    public void Raw_corpus_bleu_matches_sacrebleu(string[] hypotheses, string[] references, double expected)
    {
        var score = Bleu.CorpusScore(hypotheses, [references], RawOptions(0.01));

        Assert.Equal(expected, score.Score / 100, 1e-8);
    }

    [Fact]
    public void Statistics_and_floor_offset_match_sacrebleu()
    {
        // test_bleu.py test_statistics and test_offset.
        var withDefaultFloor = Bleu.CorpusScore(["am I am a character sequence"], [["I am a symbol string sequence a a"]], RawOptions(null));
        var withoutFloor = Bleu.CorpusScore(["am I am a character sequence"], [["I am a symbol string sequence a a"]], RawOptions(0));

        Assert.Equal([4, 2, 1, 0], withDefaultFloor.Counts);
        Assert.Equal([6, 5, 4, 3], withDefaultFloor.Totals);
        Assert.Equal(0.1555722182, withDefaultFloor.Score / 100, 1e-8);
        Assert.Equal(0, withoutFloor.Score);
    }

    [Fact]
    public void Score_from_sufficient_statistics_matches_sacrebleu()
    {
        // test_bleu.py test_scoring: compute_bleu with its default smoothing "none".
        var score = Bleu.FromStatistics([9, 7, 5, 3], [10, 8, 6, 4], 11, 11, new BleuOptions(BleuSmoothing.None));

        Assert.Equal(0.8375922397, score.Score / 100, 1e-8);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 4, 4, 2, 1 }, 0, 1, 0.0)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 10, 11, 12, 0 }, 14, 10, 0.0)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 0, 0, 0 }, 0, 0, 0.0)]
    [InlineData(new[] { 6, 5, 4, 0 }, new[] { 6, 5, 4, 3 }, 6, 6, 0.0)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 0, 0, 0 }, 0, 0, 0.1)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 0, 0, 0 }, 1, 5, 0.01)]
    public void Degenerate_statistics_score_zero(int[] correct, int[] total, int hypothesisLength, int referenceLength, double floor)
    {
        // test_bleu.py test_degenerate_statistics (floor smoothing with the given value).
        var score = Bleu.FromStatistics(correct, total, hypothesisLength, referenceLength, new BleuOptions(BleuSmoothing.Floor, floor));

        Assert.Equal(0, score.Score);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exponential, null, false, BleuTokenizer.Mteval13a, 8.493)]
    [InlineData(BleuSmoothing.None, null, false, BleuTokenizer.Mteval13a, 0.0)]
    [InlineData(BleuSmoothing.Floor, null, false, BleuTokenizer.Mteval13a, 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.1, false, BleuTokenizer.Mteval13a, 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.5, false, BleuTokenizer.Mteval13a, 10.10)]
    [InlineData(BleuSmoothing.AddK, null, false, BleuTokenizer.Mteval13a, 14.882)]
    [InlineData(BleuSmoothing.AddK, 1.0, false, BleuTokenizer.Mteval13a, 14.882)]
    [InlineData(BleuSmoothing.AddK, 2.0, false, BleuTokenizer.Mteval13a, 21.389)]
    [InlineData(BleuSmoothing.Exponential, null, false, BleuTokenizer.None, 7.347)]
    [InlineData(BleuSmoothing.Exponential, null, false, BleuTokenizer.Character, 40.8759)]
    [InlineData(BleuSmoothing.Exponential, null, true, BleuTokenizer.Character, 42.0267)]
    public void Sentence_bleu_matches_sacrebleu(BleuSmoothing smoothing, double? smoothValue, bool lowercase, BleuTokenizer tokenizer, double expected)
    {
        var options = new BleuOptions(smoothing, smoothValue, tokenizer, lowercase, EffectiveOrder: true);

        var score = Bleu.SentenceScore(SentenceHypothesis, [SentenceReference], options);

        // sacreBLEU's own tolerance for these cases is 1e-3.
        Assert.Equal(expected, score.Score, 1e-3);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exponential, null)]
    [InlineData(BleuSmoothing.None, null)]
    [InlineData(BleuSmoothing.Floor, null)]
    [InlineData(BleuSmoothing.Floor, 0.1)]
    [InlineData(BleuSmoothing.AddK, null)]
    [InlineData(BleuSmoothing.AddK, 1.0)]
    public void Sentence_without_any_match_scores_zero(BleuSmoothing smoothing, double? smoothValue)
    {
        // test_sentence_bleu.py test_api_sentence_bleu_zero (example from sacreBLEU issue #141).
        var score = Bleu.SentenceScore("this is a cat", ["okay thanks"], new BleuOptions(smoothing, smoothValue, EffectiveOrder: true));

        Assert.Equal(0, score.Score);
    }

    [Fact]
    public void Reports_precisions_brevity_penalty_and_ratio_like_sacrebleu()
    {
        var score = Bleu.SentenceScore("this is test", ["this is a test"], BleuOptions.Sentence);

        Assert.Equal(Math.Exp(1 - 4.0 / 3), score.BrevityPenalty, 1e-12);
        Assert.Equal(0.75, score.Ratio, 1e-12);
        Assert.Equal(100, score.Precisions[0], 1e-9);
        Assert.StartsWith("BLEU = ", score.ToString(), StringComparison.Ordinal);
        Assert.Contains("hyp_len = 3 ref_len = 4", score.ToString(), StringComparison.Ordinal);
        Assert.Equal("case:mixed|eff:yes|tok:13a|smooth:exp", BleuOptions.Sentence.Signature);
    }

    private static BleuOptions RawOptions(double? floor) =>
        new(BleuSmoothing.Floor, floor, BleuTokenizer.None, EffectiveOrder: true);
}
