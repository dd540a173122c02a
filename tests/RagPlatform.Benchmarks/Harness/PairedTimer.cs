using System.Diagnostics;
using BenchmarkDotNet.Mathematics;

namespace RagPlatform.Benchmarks.Harness;

/// <summary>
/// Times a baseline and a candidate in alternation (B, C, B, C …) so that drift on a shared, noisy machine hits both
/// alike; the ratio of medians is what a report should quote, not the absolute times.
/// </summary>
internal static class PairedTimer
{
    public static async Task<PairedTimes> MeasureAsync(
        Func<Task> baseline, Func<Task> candidate, int warmups, int repetitions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmups);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        for (var i = 0; i < warmups; i++)
        {
            await baseline().ConfigureAwait(false);
            await candidate().ConfigureAwait(false);
        }

        var baselineSeconds = new double[repetitions];
        var candidateSeconds = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Settle();
            baselineSeconds[i] = await SecondsAsync(baseline).ConfigureAwait(false);
            Settle();
            candidateSeconds[i] = await SecondsAsync(candidate).ConfigureAwait(false);
        }

        return new PairedTimes(new Statistics(baselineSeconds), new Statistics(candidateSeconds));
    }

    private static async Task<double> SecondsAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action().ConfigureAwait(false);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Keeps a collection left over from one side out of the other side's timing.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

/// <summary>Repeated wall-clock seconds of both sides.</summary>
internal sealed record PairedTimes(Statistics Baseline, Statistics Candidate)
{
    /// <summary>How many times faster the candidate is than the baseline (above 1 = faster).</summary>
    public double Speedup => Baseline.Median / Candidate.Median;
}
