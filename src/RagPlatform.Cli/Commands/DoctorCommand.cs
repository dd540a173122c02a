using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Cli.Rendering;
using RagPlatform.Storage;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp doctor</c>: check the embedded store's integrity; exit code 0 when healthy, 1 when not.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command(
            "doctor",
            "Check the store: SQLite integrity, chunks against documents, the keyword index and vectors against chunks, vector sizes against the embedding model");
        CommandRunner.SetAction(command, environment, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Services.GetService<SqliteChunkStore>() is not { } store)
        {
            throw new InvalidOperationException(
                "'ragp doctor' checks the embedded SQLite store, but Store:Provider selects another store; Qdrant keeps its own consistency.");
        }

        // Opening a missing store would create an empty one and call it healthy.
        if (!File.Exists(store.DatabasePath))
        {
            throw new InvalidOperationException($"There is no store at '{store.DatabasePath}': check --store, or run 'ragp ingest <paths>' to create one.");
        }

        var diagnosis = await store.DiagnoseAsync(context.CancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, diagnosis);
        }
        else
        {
            Render(context.Console, diagnosis);
        }

        return diagnosis.Healthy ? CommandRunner.Success : CommandRunner.Failure;
    }

    private static void Render(IAnsiConsole console, StoreDiagnosis diagnosis)
    {
        console.MarkupLineInterpolated($"Store [bold]{DisplayPath.For(diagnosis.DatabasePath)}[/]");
        if (diagnosis.Contents is { } contents)
        {
            var embedding = contents.Embedding is { } signature
                ? $"vectors from {signature.ModelId} ({signature.Dimensions} dimensions)"
                : "no embedding model";
            console.MarkupLineInterpolated(
                $"[grey]{contents.Documents.ToString("N0", CultureInfo.InvariantCulture)} documents, {contents.Chunks.ToString("N0", CultureInfo.InvariantCulture)} chunks, {contents.Vectors.ToString("N0", CultureInfo.InvariantCulture)} vectors, {embedding}[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Check", "Result", "Details");
        foreach (var check in diagnosis.Checks)
        {
            table.AddRow(
                new Markup(Markup.Escape(check.Name)),
                new Markup(check.Passed ? "[green]pass[/]" : "[red]FAIL[/]"),
                new Markup(check.Passed ? "" : Markup.Escape(string.Join('\n', [.. check.Problems, $"What to do: {check.Remedy}"]))));
        }

        console.Write(table);
        console.MarkupLine(diagnosis.Healthy
            ? "[green]The store is healthy.[/]"
            : $"[red]{diagnosis.Checks.Count(check => !check.Passed)} check(s) failed.[/]");
    }
}
