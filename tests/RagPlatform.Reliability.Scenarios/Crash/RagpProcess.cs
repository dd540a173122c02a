using System.Diagnostics;
using System.Text.Json;

namespace RagPlatform.Reliability.Crash;

/// <summary>Runs the real ragp program (<c>dotnet ragp.dll …</c>) as a child process against one store.</summary>
internal sealed class RagpProcess(string programPath, string storePath, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
{
    public Process StartIngest(string corpusFolder, bool force)
    {
        List<string> arguments = ["ingest", corpusFolder, "--json"];
        if (force)
        {
            arguments.Add("--force");
        }

        return Start(arguments);
    }

    /// <returns>The exit code and the parsed --json diagnosis.</returns>
    public async Task<(int ExitCode, JsonElement Diagnosis, string Error)> RunDoctorAsync(CancellationToken cancellationToken)
    {
        using var process = Start(["doctor", "--json"], captureOutput: true);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output;
        var diagnosis = text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (process.ExitCode, diagnosis, await error);
    }

    private Process Start(IEnumerable<string> arguments, bool captureOutput = false)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(programPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--store");
        start.ArgumentList.Add(storePath);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{start.FileName} {programPath}'.");
        if (!captureOutput)
        {
            // Drained so a full pipe never blocks the child; the ingest report itself is not needed.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    // The dotnet CLI tells the programs it starts where its host is; outside it, dotnet must be on the PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
