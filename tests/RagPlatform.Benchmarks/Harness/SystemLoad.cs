using System.Globalization;

namespace RagPlatform.Benchmarks.Harness;

/// <summary>The operating system's one-minute load average, to tell readers how busy the shared machine was.</summary>
internal static class SystemLoad
{
    private const string LoadAveragePath = "/proc/loadavg";

    /// <returns>The load average, or null where the system does not publish it (anything but Linux).</returns>
    public static double? OneMinuteAverage()
    {
        if (!File.Exists(LoadAveragePath))
        {
            return null;
        }

        var first = File.ReadAllText(LoadAveragePath).Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return double.Parse(first, CultureInfo.InvariantCulture);
    }
}
