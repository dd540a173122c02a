using Spectre.Console;

namespace RagPlatform.Cli;

/// <summary>Where the CLI reads and writes: the real console, or captured writers in tests.</summary>
/// <param name="Console">Human-facing output (tables, progress, colours).</param>
/// <param name="Out">Machine-facing output (--json) written verbatim, never wrapped.</param>
public sealed record CliEnvironment(IAnsiConsole Console, TextWriter Out, TextWriter Error, TextReader In)
{
    public static CliEnvironment FromProcessConsole() =>
        new(AnsiConsole.Console, System.Console.Out, System.Console.Error, System.Console.In);
}
