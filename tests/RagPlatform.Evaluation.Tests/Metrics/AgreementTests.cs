using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Tests.Metrics;

/// <summary>
/// Cohen's kappa cases from scikit-learn's own suite (sklearn/metrics/tests/test_classification.py test_cohen_kappa:
/// the Artstein &amp; Poesio (2008) tables).
/// </summary>
public sealed class AgreementTests
{
    [Fact]
    public void Binary_kappa_matches_scikit_learn()
    {
        var first = Repeat((0, 40), (1, 60));
        var second = Repeat((0, 20), (1, 20), (0, 10), (1, 50));

        Assert.Equal(0.348, Agreement.CohenKappa(first, second)!.Value, 3);
        Assert.Equal(Agreement.CohenKappa(first, second), Agreement.CohenKappa(second, first));
        Assert.Equal(0.7, Agreement.PercentAgreement(first, second), 12);
        Assert.Equal(1, Agreement.CohenKappa(first, first));
    }

    [Fact]
    public void Multiclass_kappa_matches_scikit_learn()
    {
        var first = Repeat((0, 46), (1, 44), (2, 10));
        var second = Repeat((0, 52), (1, 32), (2, 16));

        Assert.Equal(0.8013, Agreement.CohenKappa(first, second)!.Value, 4);
    }

    [Fact]
    public void Kappa_is_undefined_when_both_raters_use_one_label()
    {
        Assert.Null(Agreement.CohenKappa([true, true, true], [true, true, true]));
        Assert.Null(Agreement.CohenKappa(Array.Empty<bool>(), Array.Empty<bool>()));
        Assert.Throws<ArgumentException>(() => Agreement.CohenKappa([true], [true, false]));
    }

    [Fact]
    public void Classification_metrics_count_the_confusion_matrix()
    {
        var metrics = BinaryClassificationMetrics.FromPairs([(true, true), (true, true), (true, false), (false, true), (false, false), (false, false)]);

        Assert.Equal((2, 1, 1, 2), (metrics.TruePositives, metrics.FalsePositives, metrics.FalseNegatives, metrics.TrueNegatives));
        Assert.Equal(4.0 / 6, metrics.Accuracy, 12);
        Assert.Equal(2.0 / 3, metrics.Precision, 12);
        Assert.Equal(2.0 / 3, metrics.Recall, 12);
        Assert.Equal(2.0 / 3, metrics.F1, 12);
        Assert.Equal(0, BinaryClassificationMetrics.FromPairs([(false, false)]).Precision);
    }

    [Fact]
    public void Calibration_picks_the_midpoint_that_separates_the_labels()
    {
        LabelledScore[] examples = [new(0.9, true), new(0.8, true), new(0.6, true), new(0.4, false), new(0.1, false)];

        var calibration = ThresholdCalibrator.Calibrate(examples);

        Assert.Equal(0.5, calibration.Threshold, 12);
        Assert.Equal((1.0, 1.0), (calibration.Precision, calibration.Recall));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Calibrate([new(0.5, true)]));
    }

    private static int[] Repeat(params (int Label, int Count)[] runs) =>
        runs.SelectMany(run => Enumerable.Repeat(run.Label, run.Count)).ToArray();
}
