using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using ScottPlot;
using SkiaSharp;

namespace RagPlatform.Evaluation.Reports;

/// <summary>One series of a grouped bar chart: a value per group, NaN where the group lacks the metric.</summary>
internal sealed record BarSeries(string Label, IReadOnlyList<double> Values);

/// <summary>
/// SVG charts with ScottPlot 5, rendered headless through SkiaSharp. Charts use fonts found through fontconfig; when
/// the machine has none (a bare container), labels are measured with Skia's built-in fallback and may look wrong —
/// install a font package such as Debian's fonts-dejavu-core. <see cref="FontWarning"/> says when that is the case.
/// </summary>
internal sealed partial class ChartRenderer(ILogger logger)
{
    private const int Width = 1000;
    private const int Height = 460;
    private const float LabelSize = 20;
    private const int MaxGroupLabelLength = 18;

    private static readonly string[] PreferredSansFamilies = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];

    /// <summary>An installed sans-serif family for chart text; null leaves ScottPlot's own choice.</summary>
    private static readonly string? SansFamily = PreferredSansFamilies.FirstOrDefault(SKFontManager.Default.FontFamilies.Contains);

    public static string? FontWarning =>
        SKFontManager.Default.FontFamilyCount == 0
            ? "No system fonts were found, so chart labels may be mis-measured; install a font package (Debian: fonts-dejavu-core)."
            : null;

    public string? GroupedBars(string title, IReadOnlyList<string> groups, IReadOnlyList<BarSeries> series, bool fractions) =>
        Render(title, plot =>
        {
            var palette = new ScottPlot.Palettes.Category10();
            var slot = series.Count + 1;
            for (var s = 0; s < series.Count; s++)
            {
                var color = palette.GetColor(s);
                var bars = series[s].Values
                    .Select((value, group) => (value, group))
                    .Where(bar => !double.IsNaN(bar.value))
                    .Select(bar => new Bar { Position = (bar.group * slot) + s, Value = fractions ? bar.value * 100 : bar.value, FillColor = color, Size = 0.9 })
                    .ToList();
                plot.Add.Bars(bars);
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Label, FillColor = color });
            }

            var labels = groups.Select(group => ReportFormatting.Truncate(group, MaxGroupLabelLength)).ToArray();
            plot.Axes.Bottom.SetTicks(groups.Select((_, group) => (group * slot) + ((series.Count - 1) / 2.0)).ToArray(), labels);
            if (groups.Count > 4)
            {
                plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            }

            plot.Axes.Left.Label.Text = fractions ? "%" : "";
            if (fractions)
            {
                plot.Axes.SetLimitsY(0, 105);
            }

            plot.Legend.FontSize = LabelSize;
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);
        });

    /// <summary>Histogram of latencies with dashed p50 and p95 markers.</summary>
    public string? LatencyHistogram(IReadOnlyList<double> latenciesMs, double p50, double p95) =>
        latenciesMs.Count == 0 ? null : Render("Latency per question", plot =>
        {
            var min = latenciesMs.Min();
            var max = latenciesMs.Max();
            var binCount = Math.Clamp((int)Math.Ceiling(Math.Sqrt(latenciesMs.Count)), 1, 30);
            var binWidth = max > min ? (max - min) / binCount : 1;
            var counts = new int[binCount];
            foreach (var latency in latenciesMs)
            {
                counts[Math.Min((int)((latency - min) / binWidth), binCount - 1)]++;
            }

            plot.Add.Bars(counts.Select((count, bin) => new Bar { Position = min + ((bin + 0.5) * binWidth), Value = count, Size = binWidth * 0.95, FillColor = Colors.SteelBlue }).ToList());
            foreach (var (label, value, color) in new[] { ("p50", p50, Colors.DarkGreen), ("p95", p95, Colors.DarkRed) })
            {
                var line = plot.Add.VerticalLine(value, width: 3, color: color);
                line.LinePattern = LinePattern.Dashed;
                line.LabelText = string.Create(CultureInfo.InvariantCulture, $"{label} {value:0} ms");
                line.LabelFontSize = LabelSize;
            }

            plot.Axes.Bottom.Label.Text = "milliseconds";
            plot.Axes.Left.Label.Text = "questions";
        });

    private string? Render(string title, Action<Plot> draw)
    {
        try
        {
            using var plot = new Plot();
            if (SansFamily is not null)
            {
                plot.Font.Set(SansFamily);
            }

            draw(plot);
            plot.Title(title, size: LabelSize + 6);
            plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
            plot.Axes.Left.TickLabelStyle.FontSize = LabelSize;
            plot.Axes.Bottom.Label.FontSize = LabelSize;
            plot.Axes.Left.Label.FontSize = LabelSize;
            return Inline(plot.GetSvgXml(Width, Height));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A chart is an illustration: a rendering failure (missing native library, no fonts) must not lose the report.
            logger.LogWarning(exception, "Chart '{Title}' could not be rendered", title);
            return null;
        }
    }

    /// <summary>Drops the XML declaration and makes the SVG scale with the page.</summary>
    private static string Inline(string svg)
    {
        var withoutDeclaration = XmlDeclaration().Replace(svg, "");
        return SvgSize().Replace(withoutDeclaration, $"<svg$1 viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\"", 1);
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<svg([^>]*?)\swidth=""\d+""\s+height=""\d+""")]
    private static partial Regex SvgSize();
}
