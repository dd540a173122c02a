using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using RagPlatform.Cli.Rendering;
using RagPlatform.Evaluation;
using RagPlatform.Experiments.Definition;
using RagPlatform.Experiments.Results;
using RagPlatform.Experiments.Running;
using RagPlatform.Rag.Hosting;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp experiment run|compare</c>: prompt, model and retrieval variants crossed and scored on a QA dataset.</summary>
internal static class ExperimentCommand
{
    private static readonly Argument<string> File = new("file") { Description = "Experiment file (YAML or JSON): dataset, seed, repetitions and the prompts, models and retrieval variants to cross" };

    private static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Folder for the stored answers and reports (default <store>/experiments/<name>); an interrupted run continues there",
    };

    private static readonly Option<bool> Restart = new("--restart") { Description = "Discard the answers already stored in the output folder and start over" };

    private static readonly Argument<string> Folder = new("folder") { Description = "Folder of a run experiment (holding experiment.json)" };

    private static readonly Option<string?> Baseline = new("--baseline", "-b") { Description = "Cell the others are compared with, as model+retrieval+prompt (default: the first cell)" };

    // The console keeps to a few columns; summary.md has every headline metric.
    private static readonly string[] ConsoleMetrics =
        [MetricKeys.F1, MetricKeys.RougeL, MetricKeys.AbstentionCorrect, MetricKeys.UnsupportedClaimRate, MetricKeys.Mrr];

    public static Command Create(CliEnvironment environment)
    {
        var run = new Command("run", "Run every cell of an experiment (resuming an interrupted run) and write summary.json/md/html") { File, Output, Restart };
        CommandRunner.SetAction(run, environment, RunAsync);

        var compare = new Command("compare", "Show which cell wins each metric and how every cell differs from the baseline; writes comparison.json/md/html") { Folder, Baseline };
        CommandRunner.SetAction(compare, environment, CompareAsync);

        return new Command("experiment", "Prompt, model and retrieval experiments on a QA dataset") { run, compare };
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var definition = await ExperimentFile.LoadAsync(context.ParseResult.GetValue(File)!, context.CancellationToken);
        var output = context.ParseResult.GetValue(Output)
            ?? Path.Combine(context.Get<IOptions<StoreOptions>>().Value.Path, "experiments", definition.Name);
        var options = new ExperimentRunOptions(output, context.ParseResult.GetValue(Restart));
        var runner = context.Get<ExperimentRunner>();
        var result = context.Json
            ? await runner.RunAsync(definition, options, progress: null, context.CancellationToken)
            : await CountedProgress.RunAsync<ExperimentProgress, ExperimentRunResult>(
                context.Console,
                $"Experiment {definition.Name}",
                report => (report.Completed, report.Total),
                progress => runner.RunAsync(definition, options, progress, context.CancellationToken),
                report => (report.CellId is null ? $"Experiment {definition.Name}" : $"{report.CellId} #{report.Repetition}")
                    + (report.Resumed > 0 ? $" ({report.Resumed} resumed)" : ""));
        var errors = result.Summary.Cells.Sum(cell => cell.Errors);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, result);
            return errors > 0 ? CommandRunner.Failure : CommandRunner.Success;
        }

        var metrics = ConsoleMetrics.Where(key => result.Summary.Cells.Any(cell => cell.Metrics.ContainsKey(key))).ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Cell").NoWrap()).AddColumns(["Answers", "Errors", .. metrics]);
        foreach (var cell in result.Summary.Cells)
        {
            table.AddRow([
                Markup.Escape(cell.Cell.Id),
                string.Create(CultureInfo.InvariantCulture, $"{cell.Answered}/{cell.Expected}"),
                cell.Errors.ToString(CultureInfo.InvariantCulture),
                .. metrics.Select(key => cell.Metrics.TryGetValue(key, out var stats) ? Markup.Escape(ExperimentReports.FormatStats(key, stats)) : "–"),
            ]);
        }

        context.Console.Write(table);
        foreach (var note in result.Notes)
        {
            context.Console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }

        context.Console.MarkupLineInterpolated(
            $"[grey]{result.Answered} answers now, {result.Resumed} resumed from an earlier run; seed {result.Summary.Seed}, {result.Summary.Repetitions} repetition(s).[/]");
        context.Console.MarkupLineInterpolated(
            $"Results: {DisplayPath.For(result.Files.Html)} (also summary.md, summary.json). Compare: ragp experiment compare {DisplayPath.For(Path.GetDirectoryName(result.Files.Json)!)}");
        return errors > 0 ? CommandRunner.Failure : CommandRunner.Success;
    }

    private static async Task<int> CompareAsync(CommandContext context)
    {
        var results = await ExperimentResults.LoadAsync(context.ParseResult.GetValue(Folder)!, context.CancellationToken);
        var comparison = ExperimentComparer.Compare(results, context.ParseResult.GetValue(Baseline));
        var files = await ExperimentReports.WriteComparisonAsync(comparison, results.Directory, context.CancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, new { comparison, files });
            return CommandRunner.Success;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns(new TableColumn("Metric").NoWrap(), new TableColumn("Cell").NoWrap(), new TableColumn("Mean"), new TableColumn("vs baseline"), new TableColumn("Better/worse/ties"));
        foreach (var metric in comparison.Metrics)
        {
            foreach (var (cell, index) in metric.Cells.Select((cell, index) => (cell, index)))
            {
                var winner = metric.Winners.Contains(cell.CellId);
                table.AddRow(
                    index == 0 ? Markup.Escape(metric.Metric) : "",
                    winner ? $"[green bold]{Markup.Escape(cell.CellId)} ★[/]" : Markup.Escape(cell.CellId),
                    Markup.Escape(ExperimentReports.FormatValue(metric.Metric, cell.Mean)),
                    DifferenceText(metric, cell),
                    cell.Paired is { } paired ? string.Create(CultureInfo.InvariantCulture, $"{paired.Better}/{paired.Worse}/{paired.Ties}") : "");
            }
        }

        context.Console.Write(table);
        if (comparison.Variants.Count > 0)
        {
            var variants = new Table().Border(TableBorder.Rounded).AddColumns("Factor", "Metric", "Best variant", "Means");
            foreach (var variant in comparison.Variants)
            {
                variants.AddRow(
                    variant.Factor,
                    Markup.Escape(variant.Metric),
                    variant.Winners.Count == variant.Means.Count ? "[grey]tie[/]" : $"[green bold]{Markup.Escape(string.Join(", ", variant.Winners))}[/]",
                    Markup.Escape(string.Join("; ", variant.Means.Select(pair => $"{pair.Key} {ExperimentReports.FormatValue(variant.Metric, pair.Value)}"))));
            }

            context.Console.Write(variants);
        }

        context.Console.MarkupLineInterpolated(
            $"Baseline [bold]{comparison.BaselineCellId}[/]; differences come with a {comparison.Confidence:P0} paired-bootstrap interval over questions (* excludes 0). Details: {DisplayPath.For(files.Html)}");
        return CommandRunner.Success;
    }

    private static string DifferenceText(MetricComparison metric, CellMetric cell)
    {
        if (cell.Difference is not { } difference)
        {
            return "[grey]baseline[/]";
        }

        var colour = difference == 0 || metric.HigherIsBetter is null ? "grey" : (difference > 0) == metric.HigherIsBetter ? "green" : "red";
        var interval = cell.Paired is { } paired ? " " + ExperimentReports.FormatInterval(metric.Metric, paired) + (paired.Significant ? "*" : "") : "";
        return $"[{colour}]{Markup.Escape(ExperimentReports.FormatDifference(metric.Metric, difference) + interval)}[/]";
    }
}
