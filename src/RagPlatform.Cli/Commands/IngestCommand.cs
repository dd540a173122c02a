using System.CommandLine;
using RagPlatform.Cli.Rendering;
using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp ingest &lt;paths…&gt;</c>: index files and folders (recursively).</summary>
internal static class IngestCommand
{
    private static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files or folders to index (.txt .md .html .pdf .docx); folders are walked recursively",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Re-index files even when their content has not changed",
    };

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("ingest", "Index documents so questions can be answered from them") { Paths, Force };
        LabelOptions.ForIngestion.AddTo(command);
        CommandRunner.SetAction(command, environment, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var paths = context.ParseResult.GetValue(Paths) ?? [];
        var labels = LabelOptions.ForIngestion;
        var options = new IngestionRunOptions(
            Force: context.ParseResult.GetValue(Force),
            Tags: labels.GetTags(context.ParseResult),
            Metadata: labels.GetMetadata(context.ParseResult));
        var service = context.Get<DocumentIngestionService>();
        IngestionReport report;
        if (context.Json)
        {
            report = await service.IngestAsync(paths, options, progress: null, context.CancellationToken);
            JsonOutput.Write(context.Environment.Out, report);
        }
        else
        {
            report = await IngestionProgressDisplay.RunAsync(
                context.Console, "Indexing", progress => service.IngestAsync(paths, options, progress, context.CancellationToken));
            IngestionProgressDisplay.WriteReport(context.Console, report, listEveryFile: true);
        }

        return report.HasFailures ? CommandRunner.Failure : CommandRunner.Success;
    }
}
