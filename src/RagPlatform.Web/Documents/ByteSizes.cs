using System.Globalization;

namespace RagPlatform.Web.Documents;

internal static class ByteSizes
{
    private static readonly string[] Units = ["bytes", "KB", "MB", "GB"];

    /// <summary>"512 bytes", "1.5 KB", "50 MB": binary multiples, at most one decimal.</summary>
    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {Units[unit]}");
    }
}
