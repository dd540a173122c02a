using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Evaluation.Reports;

/// <summary>Paths of the files written for one run.</summary>
public sealed record ReportFiles(string RunJson, string Markdown, string Html);

/// <summary>Writes run.json (all raw data), report.md and a self-contained report.html for a run.</summary>
public sealed class EvaluationReportWriter(ILogger<EvaluationReportWriter>? logger = null)
{
    public const string RunJsonFileName = "run.json";
    public const string MarkdownFileName = "report.md";
    public const string HtmlFileName = "report.html";

    private const int MaxChartedTags = 12;

    private readonly ChartRenderer _charts = new((ILogger?)logger ?? NullLogger.Instance);

    public async Task<ReportFiles> WriteAsync(EvaluationRun run, string outDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);
        var files = new ReportFiles(Path.Combine(outDir, RunJsonFileName), Path.Combine(outDir, MarkdownFileName), Path.Combine(outDir, HtmlFileName));

        await run.SaveAsync(files.RunJson, cancellationToken).ConfigureAwait(false);
        var agreement = HumanAgreement.Compute(run);
        await File.WriteAllTextAsync(files.Markdown, MarkdownReport.Render(run, agreement), ReportFormatting.Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(files.Html, HtmlReport.Render(run, agreement, DrawCharts(run)), ReportFormatting.Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
        return files;
    }

    private ReportCharts DrawCharts(EvaluationRun run)
    {
        var keys = new[] { MetricKeys.F1, MetricKeys.UnsupportedClaimRate, MetricKeys.HitAt(run.Configuration.TopK), MetricKeys.AbstentionCorrect }
            .Where(run.Aggregates.Overall.Metrics.ContainsKey)
            .ToList();
        var tags = run.Aggregates.ByTag.OrderByDescending(group => group.QuestionCount).Take(MaxChartedTags).ToList();
        var latencies = run.Questions.Where(question => question.Error is null).Select(question => question.LatencyMs).ToList();
        return new ReportCharts(
            GroupChart("Metrics by language", run.Aggregates.ByLanguage, keys),
            GroupChart(tags.Count < run.Aggregates.ByTag.Count ? $"Metrics by tag ({MaxChartedTags} largest)" : "Metrics by tag", tags, keys),
            _charts.LatencyHistogram(latencies, run.Aggregates.Latency.P50Ms, run.Aggregates.Latency.P95Ms),
            ChartRenderer.FontWarning);
    }

    private string? GroupChart(string title, IReadOnlyList<MetricGroup> groups, IReadOnlyList<string> keys)
    {
        if (groups.Count == 0 || keys.Count == 0)
        {
            return null;
        }

        var series = keys.Select(key => new BarSeries(
                ReportFormatting.DisplayName(key),
                groups.Select(group => group.Metrics.TryGetValue(key, out var summary) ? summary.Mean : double.NaN).ToList()))
            .ToList();
        return _charts.GroupedBars(title, groups.Select(group => group.Name).ToList(), series, fractions: true);
    }
}
