using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Markdig;
using RagPlatform.Evaluation;

namespace RagPlatform.Experiments.Results;

/// <param name="Json">summary.json: the <see cref="ExperimentSummary"/>.</param>
public sealed record ReportFiles(string Json, string Markdown, string Html);

/// <summary>Writes an experiment's summary (summary.json/.md/.html) and comparison (comparison.json/.md/.html) into its folder.</summary>
public static class ExperimentReports
{
    public const string SummaryName = "summary";
    public const string ComparisonName = "comparison";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>Metrics shown in the summary table, when the experiment has them.</summary>
    private static readonly string[] SummaryMetrics = [.. ExperimentComparer.LeadingMetrics, MetricKeys.LatencyMs];

    /// <summary>The files a run or compare writes, for starting an experiment over.</summary>
    internal static IEnumerable<string> FileNames { get; } =
        new[] { SummaryName, ComparisonName }.SelectMany(name => new[] { name + ".json", name + ".md", name + ".html" });

    public static Task<ReportFiles> WriteSummaryAsync(ExperimentSummary summary, string directory, CancellationToken cancellationToken = default) =>
        WriteAsync(directory, SummaryName, summary, $"Experiment {summary.Name}", SummaryMarkdown(summary), cancellationToken);

    public static Task<ReportFiles> WriteComparisonAsync(ExperimentComparison comparison, string directory, CancellationToken cancellationToken = default) =>
        WriteAsync(directory, ComparisonName, comparison, $"Experiment {comparison.Name}: comparison", ComparisonMarkdown(comparison), cancellationToken);

    /// <summary>The metrics a summary table shows: the headline ones the cells have, hit@k included.</summary>
    public static IReadOnlyList<string> HeadlineMetrics(ExperimentSummary summary)
    {
        var present = summary.Cells.SelectMany(cell => cell.Metrics.Keys).ToHashSet(StringComparer.Ordinal);
        return SummaryMetrics.Concat(present.Where(key => key.StartsWith("hit@", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            .Where(present.Contains)
            .ToList();
    }

    /// <summary>Rates as percentages, other metrics as plain numbers.</summary>
    public static string FormatValue(string metric, double value) =>
        MetricKeys.IsFraction(metric)
            ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
            : value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>A signed difference: percentage points for rates.</summary>
    public static string FormatDifference(string metric, double difference) =>
        MetricKeys.IsFraction(metric)
            ? (difference * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pt"
            : difference.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);

    public static string FormatStats(string metric, MetricStats stats) =>
        stats.Repetitions > 1 ? $"{FormatValue(metric, stats.Mean)} ± {FormatValue(metric, stats.StandardDeviation)}" : FormatValue(metric, stats.Mean);

    public static string FormatInterval(string metric, PairedDifference paired) =>
        $"[{FormatDifference(metric, paired.Low)}, {FormatDifference(metric, paired.High)}]";

    private static async Task<ReportFiles> WriteAsync<T>(string directory, string name, T value, string title, string markdown, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var files = new ReportFiles(Path.Combine(directory, name + ".json"), Path.Combine(directory, name + ".md"), Path.Combine(directory, name + ".html"));
        await File.WriteAllTextAsync(files.Json, JsonSerializer.Serialize(value, Json), Utf8, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(files.Markdown, markdown, Utf8, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(files.Html, Html(title, markdown), Utf8, cancellationToken).ConfigureAwait(false);
        return files;
    }

    private static string Html(string title, string markdown) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}code{font-size:.9em}</style>
        </head><body>
        {{Markdown.ToHtml(markdown, Pipeline)}}
        </body></html>
        """;

    private static string SummaryMarkdown(ExperimentSummary summary)
    {
        var metrics = HeadlineMetrics(summary);
        var text = new StringBuilder();
        text.AppendLine($"# Experiment {summary.Name}").AppendLine();
        text.AppendLine(Invariant($"Dataset **{summary.Dataset.Name}** ({summary.QuestionCount} questions, sha256 `{summary.Dataset.Sha256[..12]}`), seed {summary.Seed}, {summary.Repetitions} repetition(s); defined in `{summary.DefinitionFile}`."));
        text.AppendLine().AppendLine("Values are means over questions, then over repetitions (± standard deviation across repetitions).").AppendLine();
        text.AppendLine($"| Cell | Answers | Errors | {string.Join(" | ", metrics)} |");
        text.AppendLine($"|---|---|---|{string.Concat(metrics.Select(_ => "---|"))}");
        foreach (var cell in summary.Cells)
        {
            var values = metrics.Select(key => cell.Metrics.TryGetValue(key, out var stats) ? FormatStats(key, stats) : "–");
            text.AppendLine(Invariant($"| {cell.Cell.Id} | {cell.Answered}/{cell.Expected} | {cell.Errors} | {string.Join(" | ", values)} |"));
        }

        text.AppendLine().AppendLine("## Cells").AppendLine();
        foreach (var cell in summary.Cells)
        {
            var settings = cell.Cell.Components.Select(pair => $"{pair.Key}={pair.Value}").Concat(cell.Cell.Settings.Select(pair => $"{pair.Key}={pair.Value}")).ToList();
            text.AppendLine($"- **{cell.Cell.Id}** — model {cell.Cell.Model}, retrieval {cell.Cell.Retrieval}, prompt {cell.Cell.Prompt}: {(settings.Count == 0 ? "configured defaults" : string.Join(", ", settings.Select(setting => $"`{setting}`")))}");
        }

        return text.ToString();
    }

    private static string ComparisonMarkdown(ExperimentComparison comparison)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Experiment {comparison.Name}: comparison").AppendLine();
        text.AppendLine(Invariant($"Baseline **{comparison.BaselineCellId}**. Differences are cell − baseline; the interval is a {comparison.Confidence:P0} paired bootstrap over questions ({comparison.BootstrapSamples} resamples), marked * when it excludes 0. Better/worse/ties count questions. ★ marks the best cell of each metric."));
        text.AppendLine().AppendLine("| Metric | Cell | Mean | Difference | Interval | Better / worse / ties |").AppendLine("|---|---|---|---|---|---|");
        foreach (var metric in comparison.Metrics)
        {
            foreach (var cell in metric.Cells)
            {
                var star = metric.Winners.Contains(cell.CellId) ? " ★" : "";
                var difference = cell.Difference is { } value ? FormatDifference(metric.Metric, value) : "baseline";
                var interval = cell.Paired is { } paired ? FormatInterval(metric.Metric, paired) + (paired.Significant ? " *" : "") : "";
                var counts = cell.Paired is { } pairs ? Invariant($"{pairs.Better} / {pairs.Worse} / {pairs.Ties}") : "";
                text.AppendLine($"| {metric.Metric} | {cell.CellId}{star} | {FormatValue(metric.Metric, cell.Mean)} | {difference} | {interval} | {counts} |");
            }
        }

        if (comparison.Variants.Count > 0)
        {
            text.AppendLine().AppendLine("## Variants").AppendLine();
            text.AppendLine("Each variant's mean over the cells that use it, whatever the other factors are; ★ marks the best.").AppendLine();
            text.AppendLine("| Factor | Metric | Variants |").AppendLine("|---|---|---|");
            foreach (var variant in comparison.Variants)
            {
                var means = variant.Means.Select(pair => $"{pair.Key}{(variant.Winners.Contains(pair.Key) ? " ★" : "")} {FormatValue(variant.Metric, pair.Value)}");
                text.AppendLine($"| {variant.Factor} | {variant.Metric} | {string.Join("; ", means)} |");
            }
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
