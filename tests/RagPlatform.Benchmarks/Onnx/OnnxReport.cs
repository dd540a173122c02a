using System.Globalization;
using System.Text;
using RagPlatform.Benchmarks.Harness;

namespace RagPlatform.Benchmarks.Onnx;

/// <summary>The "Local transformer runtime (ONNX)" section of docs/benchmarks.md.</summary>
internal static class OnnxReport
{
    public const string Heading = "## Local transformer runtime (ONNX)";
    public const string Command = "dotnet run -c Release --project tests/RagPlatform.Benchmarks -- onnx";

    public static string ToMarkdown(OnnxResults results, MachineInfo machine)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine($"Regenerate this section with `{Command}` (about three minutes on 2 cores; it replaces only this section).");
        text.AppendLine();
        text.AppendLine("The models are written at run time with random weights in the shapes of real checkpoints " +
            "(RagPlatform.Onnx.TestModels), so speed is representative while outputs are meaningless. The machine is shared " +
            "and noisy, so baseline and candidate run alternately in the same process and the **ratio of medians** is the " +
            "result; absolute times are for orientation only. Ratio = baseline median ÷ candidate median (above 1 = the " +
            "runtime is faster).");
        text.AppendLine().AppendLine(machine.ToMarkdownList()).AppendLine();

        text.AppendLine("| Scenario | Baseline | Candidate | Baseline median | Candidate median | Ratio | Target | Result |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var result in results.Speed)
        {
            text.AppendLine(Invariant(
                $"| {result.Scenario} | {result.Baseline} | {result.Candidate} | {Seconds(result.Times.Baseline.Median)} | {Seconds(result.Times.Candidate.Median)} | {result.Times.Speedup:F2}× | ≥ {result.TargetSpeedup:F2}× | {(result.Passed ? "pass" : "**FAIL**")} |"));
        }

        text.AppendLine().AppendLine("Workloads and details:").AppendLine();
        foreach (var result in results.Speed)
        {
            text.AppendLine(Invariant(
                $"- **{result.Scenario}**: {result.Workload}. {result.Notes}. Runs: {result.Times.Baseline.N} pairs; spread (min–max) baseline {Seconds(result.Times.Baseline.Min)}–{Seconds(result.Times.Baseline.Max)}, candidate {Seconds(result.Times.Candidate.Min)}–{Seconds(result.Times.Candidate.Max)}."));
        }

        text.AppendLine().AppendLine("### Memory per model").AppendLine();
        text.AppendLine("Each model is loaded and run (the throughput batches, or one 256-token decode) in a fresh child process, " +
            "so the peak working set is that model's alone; \"before\" is the process right after start-up.");
        text.AppendLine();
        text.AppendLine("| Model | Model file(s) | Working set before | Working set after load + run | Growth | Peak working set | GC-allocated during load + run |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (model, usage) in results.Memory)
        {
            text.AppendLine(
                $"| {model} | {Megabytes(usage.ModelFileBytes)} | {Megabytes(usage.WorkingSetBeforeBytes)} | {Megabytes(usage.WorkingSetAfterBytes)} | " +
                $"{Megabytes(usage.WorkingSetAfterBytes - usage.WorkingSetBeforeBytes)} | {Megabytes(usage.PeakWorkingSetBytes)} | {Megabytes(usage.GcAllocatedBytes)} |");
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds >= 1
        ? seconds.ToString("F2", CultureInfo.InvariantCulture) + " s"
        : (seconds * 1000).ToString("F0", CultureInfo.InvariantCulture) + " ms";

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
}
