using RagPlatform.Cli;
using Spectre.Console;

namespace RagPlatform.Cli.Tests;

/// <summary>Runs <c>ragp</c> in-process with captured output, against a store in a temporary folder.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Root = Path.Combine(Path.GetTempPath(), "ragp-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DocumentsPath);
    }

    public string Root { get; }

    public string StorePath => Path.Combine(Root, "store");

    public string DocumentsPath => Path.Combine(Root, "docs");

    public string WriteDocument(string name, string content)
    {
        var path = Path.Combine(DocumentsPath, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        var console = new StringWriter();
        var output = new StringWriter();
        var error = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 240;
        var environment = new CliEnvironment(ansi, output, error, new StringReader(input));
        string[] arguments = args.Contains("--store") ? args : [.. args, "--store", StorePath];
        var exitCode = await CliApplication.RunAsync(arguments, environment);
        return new CliResult(exitCode, console.ToString(), output.ToString(), error.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; the test result does not depend on it.
        }
    }
}

/// <param name="Console">What a person sees (tables, progress, answers).</param>
/// <param name="Output">Machine output (--json).</param>
internal sealed record CliResult(int ExitCode, string Console, string Output, string Error);
