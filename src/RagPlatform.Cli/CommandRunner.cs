using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Human;
using RagPlatform.Experiments.Definition;
using RagPlatform.Onnx;
using RagPlatform.Prompts;
using Spectre.Console;

namespace RagPlatform.Cli;

/// <summary>Runs a command body inside a freshly composed host and turns failures into clear messages and exit codes.</summary>
internal static class CommandRunner
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;

    public static void SetAction(
        Command command,
        CliEnvironment environment,
        Func<CommandContext, Task<int>> body,
        Func<ParseResult, IReadOnlyDictionary<string, string?>>? commandSettings = null) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                using var host = CliHost.Build(parseResult, environment, commandSettings?.Invoke(parseResult));
                await using var scope = host.Services.CreateAsyncScope();
                var context = new CommandContext(parseResult, scope.ServiceProvider, environment, parseResult.GetValue(GlobalOptions.Json), cancellationToken);
                return await body(context);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                environment.Error.WriteLine("Cancelled.");
                return Failure;
            }
            catch (Exception e) when (e is ArgumentException or PromptLibraryException or DatasetFormatException or HumanRatingFormatException or ExperimentFileException)
            {
                return Report(environment, e.Message, InvalidInput);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException
                or NotSupportedException or ModelFolderException or HttpRequestException)
            {
                return Report(environment, e.Message, Failure);
            }
        });

    private static int Report(CliEnvironment environment, string message, int exitCode)
    {
        environment.Error.WriteLine($"error: {message}");
        return exitCode;
    }
}

/// <summary>Everything a command body needs.</summary>
internal sealed record CommandContext(
    ParseResult ParseResult,
    IServiceProvider Services,
    CliEnvironment Environment,
    bool Json,
    CancellationToken CancellationToken)
{
    public IAnsiConsole Console => Environment.Console;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
