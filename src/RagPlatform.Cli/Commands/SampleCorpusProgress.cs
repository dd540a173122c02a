using RagPlatform.Rag.Ingestion;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary>On first use, indexes the bundled sample corpus so a question can be answered straight away.</summary>
internal static class SampleCorpusProgress
{
    public static async Task SeedIfEmptyAsync(CommandContext context)
    {
        var seeder = context.Get<SampleCorpusSeeder>();
        if (!await seeder.ShouldSeedAsync(context.CancellationToken))
        {
            return;
        }

        var console = context.Json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Environment.Error) }) : context.Console;
        console.MarkupLineInterpolated($"[grey]The store is empty: indexing the sample corpus from {seeder.CorpusPath} (first run only).[/]");
        var report = await IngestionProgressDisplay.RunAsync(
            console, "Indexing sample corpus", progress => seeder.SeedAsync(progress, context.CancellationToken));
        IngestionProgressDisplay.WriteReport(console, report, listEveryFile: false);
    }
}
