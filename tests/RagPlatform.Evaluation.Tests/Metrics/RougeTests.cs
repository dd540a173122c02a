using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Tests.Metrics;

/// <summary>
/// Expected values are from Google's rouge-score test suite (google-research/rouge, rouge_scorer_test.py and
/// tokenize_test.py); the "AgainstRouge155" cases use the first two lines of its testdata/target.txt and
/// testdata/prediction.txt, whose scores that suite took from runs of the official ROUGE-1.5.5.
/// </summary>
public sealed class RougeTests
{
    private static readonly string[] Targets =
    [
        "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n",
        "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n",
    ];

    private static readonly string[] Predictions =
    [
        "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n",
        "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n",
    ];

    [Fact]
    public void Tokenizes_like_rouge_score()
    {
        Assert.Equal(["one", "two", "three"], Rouge.Tokenize("one Two three"));
        Assert.Equal(["one", "two", "three"], Rouge.Tokenize("one\n Two \nthree"));
    }

    [Fact]
    public void Rouge1_simple_case()
    {
        var score = Rouge.Score("testing one two", "testing").Rouge1;

        AssertScore(score, precision: 1, recall: 1.0 / 3, fmeasure: 1.0 / 2);
    }

    [Fact]
    public void Rouge2_simple_case()
    {
        AssertScore(Rouge.Score("testing one two", "testing one").Rouge2, 1, 1.0 / 2, 2.0 / 3);
    }

    [Theory]
    [InlineData("testing one")]
    [InlineData("testing two")]
    public void RougeL_consecutive_and_non_consecutive(string prediction)
    {
        AssertScore(Rouge.Score("testing one two", prediction).RougeL, 1, 2.0 / 3, 4.0 / 5);
    }

    [Fact]
    public void Empty_prediction_scores_zero()
    {
        var scores = Rouge.Score("testing one two", "");

        Assert.All([scores.Rouge1, scores.Rouge2, scores.RougeL], score => AssertScore(score, 0, 0, 0));
    }

    [Theory]
    [InlineData(0, 0.40741, 0.68750, 0.51163, 0.30769, 0.53333, 0.39024, 0.40741, 0.68750, 0.51163)]
    [InlineData(1, 0.40476, 0.65385, 0.50000, 0.29268, 0.48000, 0.36364, 0.40476, 0.65385, 0.50000)]
    public void Matches_rouge_155_values_from_the_reference_suite(
        int line, double r1Recall, double r1Precision, double r1F, double r2Recall, double r2Precision, double r2F, double rlRecall, double rlPrecision, double rlF)
    {
        var scores = Rouge.Score(Targets[line], Predictions[line]);

        AssertScore(scores.Rouge1, r1Precision, r1Recall, r1F, precision: 5);
        AssertScore(scores.Rouge2, r2Precision, r2Recall, r2F, precision: 5);
        AssertScore(scores.RougeL, rlPrecision, rlRecall, rlF, precision: 5);
    }

    [Fact]
    public void Best_over_targets_keeps_the_highest_f_per_type()
    {
        var best = Rouge.ScoreBest(["testing", "testing one two"], "testing one");

        AssertScore(best.Rouge2, 1, 1.0 / 2, 2.0 / 3);
        Assert.Equal(4.0 / 5, best.Rouge1.FMeasure, 1e-12);
    }

    private static void AssertScore(RougeScore score, double precision, double recall, double fmeasure) =>
        AssertScore(score, precision, recall, fmeasure, 12);

    private static void AssertScore(RougeScore score, double expectedPrecision, double expectedRecall, double expectedF, int precision)
    {
        Assert.Equal(expectedPrecision, score.Precision, precision);
        Assert.Equal(expectedRecall, score.Recall, precision);
        Assert.Equal(expectedF, score.FMeasure, precision);
    }
}
