using System.Globalization;
using RagPlatform.Evaluation;

namespace RagPlatform.Web.Evaluation;

internal static class MetricFormat
{
    public static string Percent(double? fraction) =>
        fraction is double v && !double.IsNaN(v) ? v.ToString("P1", CultureInfo.InvariantCulture) : "—";

    /// <summary>Fractions as percentages, other metrics as plain numbers, missing values as a dash.</summary>
    public static string Value(string key, double value) =>
        MetricKeys.IsFraction(key) ? Percent(value) : value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A signed change: percentage points for fractions, plain numbers otherwise.</summary>
    public static string Delta(string key, double delta) =>
        MetricKeys.IsFraction(key)
            ? (delta * 100).ToString("+0.0' pp';-0.0' pp';0.0' pp'", CultureInfo.InvariantCulture)
            : delta.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);
}
