using System.Diagnostics;
using System.Text.Json;

namespace RagPlatform.Benchmarks.Onnx;

/// <summary>
/// Memory of one model, measured in a fresh child process so that the process's peak working set belongs to that
/// model alone: the parent starts `memory encoder|decoder &lt;folder&gt;`, the child loads and runs the model and prints
/// one JSON line.
/// </summary>
internal static class MemoryProbe
{
    public const string Command = "memory";

    public static async Task<MemoryUsage> MeasureInChildAsync(string kind, string modelDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's executable path is unknown."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MemoryProbe).Assembly.Location);
        }

        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(kind);
        start.ArgumentList.Add(modelDirectory);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {start.FileName} for the memory probe.");
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {kind} memory probe failed (exit {child.ExitCode}): {await error.ConfigureAwait(false)}");
        }

        var lastLine = (await output.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonSerializer.Deserialize<MemoryUsage>(lastLine)
            ?? throw new InvalidOperationException($"The {kind} memory probe printed no result: {lastLine}");
    }

    /// <summary>
    /// The child side: measures around <paramref name="loadAndRun"/>, which returns the still-loaded model so the working
    /// set is read before it is released, and prints the result.
    /// </summary>
    public static async Task RunInChildAsync(string modelDirectory, Func<Task<IDisposable>> loadAndRun)
    {
        var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var model = await loadAndRun().ConfigureAwait(false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var usage = new MemoryUsage(
            ModelFileBytes: Directory.GetFiles(modelDirectory, "model.onnx*").Sum(file => new FileInfo(file).Length),
            WorkingSetBeforeBytes: workingSetBefore,
            WorkingSetAfterBytes: process.WorkingSet64,
            PeakWorkingSetBytes: process.PeakWorkingSet64,
            GcAllocatedBytes: allocated);
        Console.WriteLine(JsonSerializer.Serialize(usage));
    }
}

/// <summary>Byte counts of one model's load and run.</summary>
internal sealed record MemoryUsage(
    long ModelFileBytes, long WorkingSetBeforeBytes, long WorkingSetAfterBytes, long PeakWorkingSetBytes, long GcAllocatedBytes);
