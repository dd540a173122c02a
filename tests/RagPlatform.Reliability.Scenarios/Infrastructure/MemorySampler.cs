using System.Diagnostics;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>Samples this process's working set and managed heap in the background and keeps the peaks.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private MemorySampler()
    {
        (StartWorkingSetBytes, StartManagedBytes) = Sample();
        _sampling = SampleAsync();
    }

    public long StartWorkingSetBytes { get; }

    public long StartManagedBytes { get; }

    public long PeakWorkingSetBytes { get; private set; }

    public long PeakManagedBytes { get; private set; }

    /// <summary>Starts sampling after a full collection, so the start values are the live data only.</summary>
    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler();
    }

    /// <summary>Working set and managed heap after a full collection.</summary>
    public static (long WorkingSetBytes, long ManagedBytes) Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Sample();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var (workingSet, managed) = Sample();
                PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, workingSet);
                PeakManagedBytes = Math.Max(PeakManagedBytes, managed);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Sampling ends when the measured work does.
        }
    }

    private static (long WorkingSetBytes, long ManagedBytes) Sample()
    {
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0} MB";
}
