using RagPlatform.Evaluation.Hallucination;
using Xunit.Abstractions;

namespace RagPlatform.Evaluation.Tests.Hallucination;

/// <summary>
/// Calibrates the offline groundedness methods on <see cref="LabelledClaims"/> and holds their defaults to stated
/// floors for detecting unsupported (contradicted or unsupported) claims.
/// </summary>
public sealed class GroundednessCalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Lexical_default_threshold_is_calibrated_and_meets_the_floors()
    {
        var checker = new LexicalGroundednessChecker();

        var scores = await ScoreAsync(checker);
        var calibrated = ThresholdCalibrator.Calibrate(scores);
        var atDefault = ThresholdCalibrator.Evaluate(scores, new LexicalGroundednessOptions().SupportThreshold);
        output.WriteLine($"lexical: calibrated {calibrated}; default {atDefault}");

        Assert.True(atDefault.Precision >= 0.9, $"precision {atDefault.Precision:0.00} is below the 0.90 floor");
        Assert.True(atDefault.Recall >= 0.85, $"recall {atDefault.Recall:0.00} is below the 0.85 floor");
        Assert.True(atDefault.F1 >= calibrated.F1 - 0.02, $"the default threshold's F1 {atDefault.F1:0.000} is far from the calibrated {calibrated.F1:0.000} at {calibrated.Threshold:0.000}");
    }

    [Fact]
    public async Task Semantic_default_threshold_is_calibrated_and_meets_the_floors()
    {
        var checker = new SemanticGroundednessChecker(new HashingEmbeddingGenerator());

        var scores = await ScoreAsync(checker);
        var calibrated = ThresholdCalibrator.Calibrate(scores);
        var atDefault = ThresholdCalibrator.Evaluate(scores, new SemanticGroundednessOptions().SupportThreshold);
        output.WriteLine($"semantic: calibrated {calibrated}; default {atDefault}");

        Assert.True(atDefault.Precision >= 0.9, $"precision {atDefault.Precision:0.00} is below the 0.90 floor");
        Assert.True(atDefault.Recall >= 0.9, $"recall {atDefault.Recall:0.00} is below the 0.90 floor");
        Assert.True(atDefault.F1 >= calibrated.F1 - 0.02, $"the default threshold's F1 {atDefault.F1:0.000} is far from the calibrated {calibrated.F1:0.000} at {calibrated.Threshold:0.000}");
    }

    [Fact]
    public async Task Verdicts_at_the_default_threshold_match_the_calibration()
    {
        var checker = new LexicalGroundednessChecker();
        var claims = LabelledClaims.Claims.Select((claim, index) => new Claim(index, claim.Text, [])).ToList();

        var report = await checker.AssessAsync(claims, LabelledClaims.Contexts);
        var scores = report.Claims.Select(assessment => new LabelledScore(assessment.Score ?? 0, LabelledClaims.Claims[assessment.Claim.Index].IsSupported)).ToList();
        var atDefault = ThresholdCalibrator.Evaluate(scores, new LexicalGroundednessOptions().SupportThreshold);
        var flagged = report.Claims.Select(assessment => (Actual: !LabelledClaims.Claims[assessment.Claim.Index].IsSupported, Predicted: assessment.Verdict == ClaimVerdict.Unsupported));
        var verdictMetrics = RagPlatform.Evaluation.Metrics.BinaryClassificationMetrics.FromPairs(flagged);

        Assert.Equal(atDefault.Precision, verdictMetrics.Precision, 12);
        Assert.Equal(atDefault.Recall, verdictMetrics.Recall, 12);
        Assert.All(report.Claims.Where(assessment => assessment.Verdict == ClaimVerdict.Unsupported), assessment => Assert.NotNull(assessment.Reason));
    }

    [Theory]
    [InlineData("The Transformer architecture was introduced in 2015.", "number '2015'")]
    [InlineData("The Transformer architecture was introduced by Hinton.", "name 'hinton'")]
    [InlineData("Sistem tidak mengambil potongan teks.", "negated")]
    [InlineData("The Transformer was introduced in 2017 by Google Brain researchers at Stanford.", "name 'google'")]
    [InlineData("RoBERTa uses byte-pair encoding with a vocabulary of 50,257 tokens.", "name 'roberta'")]
    public async Task Key_fact_mismatches_are_explained(string claim, string expectedReason)
    {
        var report = await new LexicalGroundednessChecker().AssessAsync([new Claim(0, claim, [])], LabelledClaims.Contexts);

        var assessment = Assert.Single(report.Claims);
        Assert.Equal(ClaimVerdict.Unsupported, assessment.Verdict);
        Assert.Contains(expectedReason, assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Abstaining_answers_are_recognised_and_claims_are_not()
    {
        Assert.All(LabelledClaims.AbstainingAnswers, answer => Assert.True(Abstention.LooksLikeAbstention(answer), answer));
        Assert.All(LabelledClaims.Claims, claim => Assert.False(Abstention.LooksLikeAbstention(claim.Text), claim.Text));
    }

    private static async Task<List<LabelledScore>> ScoreAsync(IGroundednessChecker checker)
    {
        var claims = LabelledClaims.Claims.Select((claim, index) => new Claim(index, claim.Text, [])).ToList();
        var report = await checker.AssessAsync(claims, LabelledClaims.Contexts);
        return report.Claims.Select(assessment => new LabelledScore(assessment.Score ?? 0, LabelledClaims.Claims[assessment.Claim.Index].IsSupported)).ToList();
    }
}
