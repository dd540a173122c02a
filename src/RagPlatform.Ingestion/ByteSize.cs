using System.Globalization;

namespace RagPlatform.Ingestion;

internal static class ByteSize
{
    /// <summary>"12.3 MB (12,897,484 bytes)" — readable, with the exact count for comparing against a limit.</summary>
    public static string Format(long bytes)
    {
        string[] units = ["KB", "MB", "GB", "TB"];
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
        }

        var value = (double)bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]} ({bytes:N0} bytes)");
    }
}
