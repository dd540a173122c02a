namespace RagPlatform.Evaluation.Hallucination;

/// <summary>A support score with the human label of the claim it was computed for.</summary>
public sealed record LabelledScore(double Score, bool IsSupported);

/// <summary>Quality of flagging claims as unsupported (score below <see cref="Threshold"/>); "positive" = unsupported.</summary>
public sealed record ThresholdCalibration(double Threshold, double Precision, double Recall, double F1, double Accuracy, int Examples);

/// <summary>Chooses a support threshold for a groundedness method from labelled claims.</summary>
public static class ThresholdCalibrator
{
    /// <summary>Precision/recall of detecting unsupported claims when claims scoring below <paramref name="threshold"/> are flagged.</summary>
    public static ThresholdCalibration Evaluate(IReadOnlyList<LabelledScore> examples, double threshold)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var metrics = Metrics.BinaryClassificationMetrics.FromPairs(examples.Select(example => (!example.IsSupported, example.Score < threshold)));
        return new ThresholdCalibration(threshold, metrics.Precision, metrics.Recall, metrics.F1, metrics.Accuracy, examples.Count);
    }

    /// <summary>
    /// The threshold with the best F1 for detecting unsupported claims. Candidates are midpoints between
    /// neighbouring distinct scores, so the choice does not sit on one example's exact score; ties go to the
    /// higher precision, then to the lower threshold.
    /// </summary>
    public static ThresholdCalibration Calibrate(IReadOnlyList<LabelledScore> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0 || examples.All(example => example.IsSupported) || examples.All(example => !example.IsSupported))
        {
            throw new ArgumentException("Calibration needs both supported and unsupported examples.", nameof(examples));
        }

        var scores = examples.Select(example => example.Score).Distinct().Order().ToList();
        var candidates = scores.Zip(scores.Skip(1), (low, high) => (low + high) / 2).Append(scores[^1] + 1e-9);
        return candidates
            .Select(threshold => Evaluate(examples, threshold))
            .OrderByDescending(result => result.F1)
            .ThenByDescending(result => result.Precision)
            .ThenBy(result => result.Threshold)
            .First();
    }
}
