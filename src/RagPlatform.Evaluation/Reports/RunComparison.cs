namespace RagPlatform.Evaluation.Reports;

public enum ChangeKind
{
    Unchanged,
    Improvement,
    Regression,
}

/// <summary>One metric of one question group (all, a language or a tag) in both runs.</summary>
/// <param name="RelativeDelta">Delta ÷ |baseline|; null when the baseline is 0.</param>
public sealed record MetricDelta(
    string Group,
    string Metric,
    double Baseline,
    double Candidate,
    double AbsoluteDelta,
    double? RelativeDelta,
    bool HigherIsBetter,
    ChangeKind Change);

public enum FlipDirection
{
    CorrectToWrong,
    WrongToCorrect,
}

/// <summary>A question whose verdict changed between the runs.</summary>
/// <param name="Criterion">"correct" (answer right, or abstained on an unanswerable question) or "grounded" (no unsupported claim).</param>
public sealed record QuestionFlip(string QuestionId, string Question, string Criterion, FlipDirection Direction, string Baseline, string Candidate);

public sealed record RunComparison(
    string BaselineRunId,
    string CandidateRunId,
    string BaselineDescription,
    string CandidateDescription,
    IReadOnlyList<MetricDelta> Deltas,
    IReadOnlyList<QuestionFlip> Flips,
    IReadOnlyList<string> Warnings)
{
    public IEnumerable<MetricDelta> Regressions => Deltas.Where(delta => delta.Change == ChangeKind.Regression);

    public IEnumerable<MetricDelta> Improvements => Deltas.Where(delta => delta.Change == ChangeKind.Improvement);
}

/// <summary>Paths of the comparison files written by <see cref="RunComparer.WriteAsync"/>.</summary>
public sealed record ComparisonFiles(string Markdown, string Html);

public sealed class RunComparisonOptions
{
    /// <summary>Changes of 0–1 metrics up to this absolute size (0.005 = half a percentage point) count as unchanged.</summary>
    public double FractionTolerance { get; set; } = 0.005;

    /// <summary>Changes of other metrics (latency, BLEU, perplexity) up to this fraction of the baseline count as unchanged.</summary>
    public double RelativeTolerance { get; set; } = 0.05;

    /// <summary>An answer to an answerable question is correct when its token F1 reaches this.</summary>
    public double CorrectF1 { get; set; } = 0.5;
}
