namespace RagPlatform.Reliability.Infrastructure;

/// <summary>Latency summary of a set of timed requests.</summary>
public sealed record LatencySummary(int Count, double P50Milliseconds, double P95Milliseconds, double MaxMilliseconds)
{
    /// <summary>Nearest-rank percentiles, so every reported value is a latency that was really measured.</summary>
    public static LatencySummary Of(IReadOnlyCollection<TimeSpan> latencies)
    {
        if (latencies.Count == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN);
        }

        var sorted = latencies.Select(latency => latency.TotalMilliseconds).Order().ToArray();
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
