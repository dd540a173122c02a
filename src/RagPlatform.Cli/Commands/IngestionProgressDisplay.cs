using RagPlatform.Cli.Rendering;
using RagPlatform.Rag.Ingestion;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary>Shows an ingestion run as a progress bar, then a table of what happened to each file.</summary>
internal static class IngestionProgressDisplay
{
    public static async Task<IngestionReport> RunAsync(
        IAnsiConsole console, string title, Func<IProgress<IngestionProgress>, Task<IngestionReport>> ingest)
    {
        IngestionReport? report = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask(Markup.Escape(title), maxValue: 1);
                var progress = new SynchronousProgress<IngestionProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Completed;
                    if (p.Last is { } last)
                    {
                        task.Description = Markup.Escape($"{title}: {Path.GetFileName(last.SourcePath)}");
                    }
                });
                report = await ingest(progress);
                task.Description = Markup.Escape(title);
                task.Value = task.MaxValue;
            });
        return report!;
    }

    public static void WriteReport(IAnsiConsole console, IngestionReport report, bool listEveryFile)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("File", "Result", "Chunks", "Details");
        foreach (var file in report.Files.Where(f => listEveryFile || f.Outcome == IngestionOutcome.Failed))
        {
            var outcome = file.Outcome switch
            {
                IngestionOutcome.Failed => "[red]failed[/]",
                IngestionOutcome.Unchanged => "[grey]unchanged[/]",
                IngestionOutcome.Updated => "[yellow]updated[/]",
                _ => "[green]added[/]",
            };
            table.AddRow(
                new Text(DisplayPath.For(file.SourcePath)),
                new Markup(outcome),
                new Text(file.Outcome == IngestionOutcome.Failed ? "-" : file.ChunkCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(file.Error ?? string.Empty));
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }

        console.MarkupLineInterpolated(
            $"{report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, [{(report.HasFailures ? "red" : "grey")}]{report.Failed} failed[/]");
    }
}
