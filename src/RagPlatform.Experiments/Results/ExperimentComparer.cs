using RagPlatform.Evaluation;

namespace RagPlatform.Experiments.Results;

/// <summary>
/// Paired comparison of one cell with the baseline on one metric, question by question (each question's value
/// averaged over repetitions first), over the questions both have the metric for.
/// </summary>
/// <param name="Better">Questions where the cell scored better than the baseline (in the metric's direction).</param>
/// <param name="Low">Lower end of the paired-bootstrap confidence interval of the mean difference (cell − baseline).</param>
public sealed record PairedDifference(int Questions, int Better, int Worse, int Ties, double Low, double High)
{
    /// <summary>True when the confidence interval excludes 0.</summary>
    public bool Significant => Low > 0 || High < 0;
}

/// <param name="Difference">Mean minus the baseline's mean; null for the baseline itself.</param>
/// <param name="Paired">Null for the baseline, or when no question has the metric in both cells.</param>
public sealed record CellMetric(string CellId, double Mean, double StandardDeviation, double? Difference, PairedDifference? Paired);

/// <param name="HigherIsBetter">Null for descriptive metrics (such as answer length), which have no winner.</param>
/// <param name="Winners">The cells with the best mean (several on a tie); empty for descriptive metrics.</param>
public sealed record MetricComparison(string Metric, bool? HigherIsBetter, IReadOnlyList<string> Winners, IReadOnlyList<CellMetric> Cells);

/// <summary>
/// One factor's variants on one metric, each variant's mean taken over the cells that use it (a main effect): which
/// prompt, model or retrieval setting wins whatever the other factors are.
/// </summary>
/// <param name="Factor">"prompt", "model" or "retrieval".</param>
public sealed record VariantComparison(string Factor, string Metric, IReadOnlyDictionary<string, double> Means, IReadOnlyList<string> Winners);

/// <param name="Variants">For each factor with more than one variant, each directed metric all its cells have.</param>
public sealed record ExperimentComparison(
    string Name,
    string BaselineCellId,
    double Confidence,
    int BootstrapSamples,
    IReadOnlyList<MetricComparison> Metrics,
    IReadOnlyList<VariantComparison> Variants);

/// <summary>Which cell wins each metric, and how every cell differs from a baseline cell, with paired-bootstrap confidence intervals.</summary>
public static class ExperimentComparer
{
    public const int DefaultBootstrapSamples = 2000;
    public const double DefaultConfidence = 0.95;

    /// <summary>Metrics first in comparisons and summaries; the rest follow alphabetically.</summary>
    internal static readonly string[] LeadingMetrics =
    [
        MetricKeys.F1, MetricKeys.ExactMatch, MetricKeys.RougeL, MetricKeys.AbstentionCorrect, MetricKeys.FalseAbstention,
        MetricKeys.UnsupportedClaimRate, MetricKeys.CitationCorrectness, MetricKeys.Mrr, MetricKeys.ContextRecall,
    ];

    private static readonly HashSet<string> DescriptiveMetrics = [MetricKeys.AnswerTokens];

    /// <param name="baselineCellId">The cell others are compared with; null for the experiment's first cell.</param>
    /// <exception cref="ArgumentException">The baseline is not a cell of the experiment; the message lists the cells.</exception>
    public static ExperimentComparison Compare(ExperimentResults results, string? baselineCellId = null, int bootstrapSamples = DefaultBootstrapSamples, double confidence = DefaultConfidence)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrapSamples, 100);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be between 0 and 1.");
        }

        var summary = results.Summarize();
        var baseline = baselineCellId is null
            ? summary.Cells[0]
            : summary.Cells.FirstOrDefault(cell => cell.Cell.Id == baselineCellId)
              ?? throw new ArgumentException(
                  $"'{baselineCellId}' is not a cell of experiment '{summary.Name}'. Cells: {string.Join(", ", summary.Cells.Select(cell => cell.Cell.Id))}.");
        var perQuestion = results.RecordsByCell.ToDictionary(pair => pair.Key, pair => QuestionMeans(pair.Value), StringComparer.Ordinal);
        var metrics = summary.Cells.SelectMany(cell => cell.Metrics.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(key => Array.IndexOf(LeadingMetrics, key) is var index and >= 0 ? index : LeadingMetrics.Length)
            .ThenBy(key => key, StringComparer.Ordinal)
            .Select(key =>
            {
                bool? higherIsBetter = DescriptiveMetrics.Contains(key) ? null : MetricKeys.HigherIsBetter(key);
                var cells = summary.Cells.Where(cell => cell.Metrics.ContainsKey(key))
                    .Select(cell => CompareCell(key, cell, baseline, perQuestion, higherIsBetter, bootstrapSamples, confidence, results.Manifest.Seed))
                    .ToList();
                return new MetricComparison(key, higherIsBetter, Winners(cells, higherIsBetter), cells);
            })
            .ToList();
        return new ExperimentComparison(summary.Name, baseline.Cell.Id, confidence, bootstrapSamples, metrics, CompareVariants(summary, metrics));
    }

    private static List<VariantComparison> CompareVariants(ExperimentSummary summary, IReadOnlyList<MetricComparison> metrics)
    {
        var factors = new (string Name, Func<CellInfo, string> Variant)[] { ("prompt", cell => cell.Prompt), ("model", cell => cell.Model), ("retrieval", cell => cell.Retrieval) };
        var comparisons = new List<VariantComparison>();
        foreach (var (factor, variantOf) in factors.Where(factor => summary.Cells.Select(cell => factor.Variant(cell.Cell)).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            foreach (var metric in metrics.Where(metric => metric.HigherIsBetter is not null && metric.Cells.Count == summary.Cells.Count))
            {
                var means = summary.Cells.GroupBy(cell => variantOf(cell.Cell), StringComparer.Ordinal)
                    .ToDictionary(variant => variant.Key, variant => variant.Average(cell => cell.Metrics[metric.Metric].Mean), StringComparer.Ordinal);
                var best = metric.HigherIsBetter!.Value ? means.Values.Max() : means.Values.Min();
                comparisons.Add(new VariantComparison(factor, metric.Metric, means, means.Where(pair => Math.Abs(pair.Value - best) <= 1e-12).Select(pair => pair.Key).ToList()));
            }
        }

        return comparisons;
    }

    private static CellMetric CompareCell(
        string key, CellSummary cell, CellSummary baseline, Dictionary<string, Dictionary<string, Dictionary<string, double>>> perQuestion,
        bool? higherIsBetter, int samples, double confidence, long seed)
    {
        var stats = cell.Metrics[key];
        if (cell.Cell.Id == baseline.Cell.Id || !baseline.Metrics.TryGetValue(key, out var baselineStats))
        {
            return new CellMetric(cell.Cell.Id, stats.Mean, stats.StandardDeviation, null, null);
        }

        var baselineValues = perQuestion[baseline.Cell.Id].GetValueOrDefault(key) ?? [];
        var differences = (perQuestion[cell.Cell.Id].GetValueOrDefault(key) ?? [])
            .Where(pair => baselineValues.ContainsKey(pair.Key))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Value - baselineValues[pair.Key])
            .ToList();
        return new CellMetric(cell.Cell.Id, stats.Mean, stats.StandardDeviation, stats.Mean - baselineStats.Mean, Paired(differences, higherIsBetter, samples, confidence, seed));
    }

    private static PairedDifference? Paired(IReadOnlyList<double> differences, bool? higherIsBetter, int samples, double confidence, long seed)
    {
        if (differences.Count == 0)
        {
            return null;
        }

        var sign = higherIsBetter is false ? -1 : 1;
        var better = differences.Count(difference => sign * difference > 0);
        var worse = differences.Count(difference => sign * difference < 0);

        // A fixed seed keeps the interval reproducible: the same stored results always give the same report.
        var random = new Random(unchecked((int)seed));
        var means = new double[samples];
        for (var sample = 0; sample < samples; sample++)
        {
            var sum = 0.0;
            for (var draw = 0; draw < differences.Count; draw++)
            {
                sum += differences[random.Next(differences.Count)];
            }

            means[sample] = sum / differences.Count;
        }

        Array.Sort(means);
        var tail = (1 - confidence) / 2;
        return new PairedDifference(differences.Count, better, worse, differences.Count - better - worse, Quantile(means, tail), Quantile(means, 1 - tail));
    }

    private static double Quantile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static List<string> Winners(IReadOnlyList<CellMetric> cells, bool? higherIsBetter)
    {
        if (higherIsBetter is null || cells.Count == 0)
        {
            return [];
        }

        var best = higherIsBetter.Value ? cells.Max(cell => cell.Mean) : cells.Min(cell => cell.Mean);
        return cells.Where(cell => Math.Abs(cell.Mean - best) <= 1e-12).Select(cell => cell.CellId).ToList();
    }

    /// <summary>Metric → question id → the question's value averaged over repetitions (answered questions only).</summary>
    private static Dictionary<string, Dictionary<string, double>> QuestionMeans(IReadOnlyList<ExperimentRecord> records) =>
        records.Where(record => record.Result.Error is null)
            .SelectMany(record => record.Result.Metrics.Select(metric => (Metric: metric.Key, record.QuestionId, metric.Value.Value)))
            .GroupBy(entry => entry.Metric, StringComparer.Ordinal)
            .ToDictionary(
                metric => metric.Key,
                metric => metric.GroupBy(entry => entry.QuestionId, StringComparer.Ordinal).ToDictionary(question => question.Key, question => question.Average(entry => entry.Value), StringComparer.Ordinal),
                StringComparer.Ordinal);
}
