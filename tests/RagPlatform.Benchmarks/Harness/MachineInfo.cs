using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Environments;
using Microsoft.ML.OnnxRuntime;

namespace RagPlatform.Benchmarks.Harness;

/// <summary>Where and when a benchmark ran, for the report's header.</summary>
internal sealed record MachineInfo(string Processor, int LogicalCores, string OperatingSystem, string DotNet, string OnnxRuntime, DateTimeOffset Date)
{
    public static MachineInfo Current()
    {
        var host = HostEnvironmentInfo.GetCurrent();
        return new MachineInfo(
            host.Cpu.Value.ProcessorName ?? "unknown processor",
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            OrtEnv.Instance().GetVersionString(),
            DateTimeOffset.UtcNow);
    }

    public string ToMarkdownList() => string.Join('\n',
        $"- CPU: {Processor}, {LogicalCores} logical cores",
        $"- OS: {OperatingSystem}",
        $"- .NET: {DotNet}",
        $"- ONNX Runtime: {OnnxRuntime}",
        $"- Date: {Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
}
