using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RagPlatform.Evaluation.Reports;

/// <summary>
/// Renders a <see cref="HumanFeedbackReport"/> in the run reports' formats: Markdown, a self-contained HTML page
/// with the same style and an inline SVG chart, and JSON with all the data.
/// </summary>
public sealed class HumanFeedbackReportWriter(ILogger<HumanFeedbackReportWriter>? logger = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly ChartRenderer _charts = new((ILogger?)logger ?? NullLogger.Instance);

    public string ToMarkdown(HumanFeedbackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return HumanFeedbackMarkdown.Render(report);
    }

    public string ToHtml(HumanFeedbackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return HumanFeedbackHtml.Render(report, DistributionChart(report), ChartRenderer.FontWarning);
    }

    public string ToJson(HumanFeedbackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Json);
    }

    /// <summary>SVG bar chart of how often each correctness score was given, with and without hallucination; null when nothing is rated or it could not be drawn.</summary>
    public string? DistributionChart(HumanFeedbackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Overall is null)
        {
            return null;
        }

        var groups = report.Distribution.Select(count => CorrectnessLabel(count.Correctness)).ToList();
        BarSeries[] series =
        [
            new("No hallucination", report.Distribution.Select(count => (double)count.WithoutHallucination).ToList()),
            new("Hallucination", report.Distribution.Select(count => (double)count.WithHallucination).ToList()),
        ];
        return _charts.GroupedBars("Ratings by correctness", groups, series, fractions: false);
    }

    internal static string CorrectnessLabel(int correctness) => correctness switch
    {
        1 => "1 wrong",
        5 => "5 correct",
        _ => correctness.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
