using System.Globalization;
using System.Runtime.InteropServices;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>Where and when the figures were measured.</summary>
public sealed record MachineInfo(string Processor, int LogicalCores, string OperatingSystem, string DotNet, DateTimeOffset Date)
{
    public static MachineInfo Current() => new(
        ReadProcessorName(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        DateTimeOffset.UtcNow);

    public override string ToString() =>
        $"{Processor}, {LogicalCores} logical cores; {OperatingSystem}; {DotNet}; {Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}";

    private static string ReadProcessorName()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var modelLine = File.Exists(CpuInfo)
            ? File.ReadLines(CpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return modelLine?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
