using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPlatform.Cli.Rendering;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Generation;
using RagPlatform.Evaluation;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Rag.Hosting;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp eval run|compare|retrieval|export-ratings|import-ratings</c>: measure answer and retrieval quality.</summary>
internal static class EvalCommand
{
    private static readonly Argument<string> Dataset = new("dataset") { Description = "QA dataset, JSON lines (id, question, answers, passages, answerable, language, tags)" };

    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Folder for run.json, report.md and report.html (default <store>/eval-runs/<run-id>)",
    };

    private static readonly Argument<string> Baseline = new("runA") { Description = "Baseline run: its folder or run.json" };

    private static readonly Argument<string> Candidate = new("runB") { Description = "Candidate run: its folder or run.json (comparison.md/html are written beside it)" };

    private static readonly Argument<string> RunDirectory = new("run-dir") { Description = "Run folder (or its run.json)" };

    private static readonly Option<string> SheetOut = new("--out")
    {
        Description = "CSV rating sheet to write",
        Required = true,
    };

    private static readonly Argument<string[]> Sheets = new("csv")
    {
        Description = "Filled rating sheets, one or more (several raters)",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly string[] HeadlineMetrics =
    [
        MetricKeys.ExactMatch, MetricKeys.F1, MetricKeys.RougeL, MetricKeys.Mrr, MetricKeys.ContextRecall,
        MetricKeys.UnsupportedClaimRate, MetricKeys.CitationCorrectness, MetricKeys.AbstentionCorrect, MetricKeys.FalseAbstention,
        MetricKeys.LatencyMs,
    ];

    public static Command Create(CliEnvironment environment)
    {
        var run = new Command("run", "Answer every question of a dataset and write a scored report") { Dataset, Out, AnswerOptions.TopK };
        AnswerOptions.AddPromptComponentsTo(run);
        CommandRunner.SetAction(run, environment, RunAsync, AnswerOptions.ToConfiguration);

        var compare = new Command("compare", "Compare two runs: metric regressions and improvements, and questions that flipped") { Baseline, Candidate };
        CommandRunner.SetAction(compare, environment, CompareAsync);

        var exportRatings = new Command("export-ratings", "Write a CSV sheet for people to rate a run's answers") { RunDirectory, SheetOut };
        CommandRunner.SetAction(exportRatings, environment, ExportRatingsAsync);

        var importRatings = new Command("import-ratings", "Attach filled rating sheets to a run and rewrite its reports") { RunDirectory, Sheets };
        CommandRunner.SetAction(importRatings, environment, ImportRatingsAsync);

        return new Command("eval", "Evaluate answer and retrieval quality")
        {
            run, compare, EvalRetrievalCommand.Create(environment), exportRatings, importRatings,
        };
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var dataset = await QaDataset.LoadAsync(context.ParseResult.GetValue(Dataset)!, context.CancellationToken);
        var options = new EvaluationOptions();
        context.Get<IConfiguration>().GetSection(EvaluationOptions.SectionName).Bind(options);
        options.TopK = context.ParseResult.GetValue(AnswerOptions.TopK) ?? options.TopK;
        options.PromptComponents = AnswerOptions.GetPromptComponents(context)?.ToDictionary() ?? options.PromptComponents;

        // With a generator configured, gold answers are also scored for perplexity under it.
        options.TextScorer ??= context.Services.GetService<ITextScorer>();

        await SampleCorpusProgress.SeedIfEmptyAsync(context);
        var runner = context.Get<EvaluationRunner>();
        var answerer = context.Get<IQuestionAnswerer>();
        var run = context.Json
            ? await runner.RunAsync(answerer, dataset, options, progress: null, context.CancellationToken)
            : await CountedProgress.RunAsync<EvaluationProgress, EvaluationRun>(
                context.Console, $"Evaluating {dataset.Name}", p => (p.Completed, p.Total),
                progress => runner.RunAsync(answerer, dataset, options, progress, context.CancellationToken));

        var outDir = context.ParseResult.GetValue(Out)
            ?? Path.Combine(context.Get<IOptions<StoreOptions>>().Value.Path, "eval-runs", run.RunId);
        var files = await context.Get<EvaluationReportWriter>().WriteAsync(run, outDir, context.CancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, new RunSummary(run.RunId, files, run.Aggregates.Overall.Metrics, run.Aggregates.ErrorCount));
            return CommandRunner.Success;
        }

        var metrics = run.Aggregates.Overall.Metrics;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Metric", "Value", "Questions");
        foreach (var key in HeadlineMetrics.Append(MetricKeys.HitAt(run.Configuration.TopK)).Where(metrics.ContainsKey))
        {
            table.AddRow(key, FormatMetric(key, metrics[key].Mean), metrics[key].Count.ToString(CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        var latency = run.Aggregates.Latency;
        context.Console.MarkupLineInterpolated(
            $"[grey]{run.Questions.Count} questions, {run.Aggregates.ErrorCount} failed; latency p50 {latency.P50Ms:N0} ms, p95 {latency.P95Ms:N0} ms[/]");
        context.Console.MarkupLineInterpolated($"Run [bold]{run.RunId}[/]: {DisplayPath.For(files.Html)} (also report.md and run.json)");
        return run.Aggregates.ErrorCount > 0 ? CommandRunner.Failure : CommandRunner.Success;
    }

    private static async Task<int> CompareAsync(CommandContext context)
    {
        var baseline = await LoadRunAsync(context.ParseResult.GetValue(Baseline)!, context.CancellationToken);
        var candidatePath = RunJsonPath(context.ParseResult.GetValue(Candidate)!);
        var candidate = await EvaluationRun.LoadAsync(candidatePath, context.CancellationToken);
        var comparison = RunComparer.Compare(baseline, candidate);
        var files = await RunComparer.WriteAsync(comparison, Path.GetDirectoryName(Path.GetFullPath(candidatePath))!, context.CancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, new { comparison, files });
            return CommandRunner.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Group", "Metric", baseline.RunId, candidate.RunId, "Change");
        foreach (var delta in comparison.Deltas.Where(d => d.Change != ChangeKind.Unchanged || d.Group == candidate.Aggregates.Overall.Name))
        {
            var colour = delta.Change switch
            {
                ChangeKind.Regression => "red",
                ChangeKind.Improvement => "green",
                _ => "grey",
            };
            var size = FormatDelta(delta.Metric, delta.AbsoluteDelta)
                + (delta.RelativeDelta is { } relative ? string.Create(CultureInfo.InvariantCulture, $" ({relative:+0.0%;-0.0%;0.0%})") : string.Empty);
            table.AddRow(
                new Text(delta.Group),
                new Text(delta.Metric),
                new Text(FormatMetric(delta.Metric, delta.Baseline)),
                new Text(FormatMetric(delta.Metric, delta.Candidate)),
                new Markup($"[{colour}]{Markup.Escape(size)}[/]"));
        }

        context.Console.Write(table);
        foreach (var warning in comparison.Warnings)
        {
            context.Console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        context.Console.MarkupLineInterpolated(
            $"[red]{comparison.Regressions.Count()} regressions[/], [green]{comparison.Improvements.Count()} improvements[/], {comparison.Flips.Count} questions flipped. Details: {DisplayPath.For(files.Html)}");
        return CommandRunner.Success;
    }

    private static async Task<int> ExportRatingsAsync(CommandContext context)
    {
        var run = await LoadRunAsync(context.ParseResult.GetValue(RunDirectory)!, context.CancellationToken);
        var sheet = Path.GetFullPath(context.ParseResult.GetValue(SheetOut)!);
        await HumanRatingSheet.ExportAsync(run, sheet, context.CancellationToken);
        var rows = run.Questions.Count(question => question.Error is null);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, new { sheet, rows });
        }
        else
        {
            context.Console.MarkupLineInterpolated(
                $"Wrote {rows} answers to rate to {DisplayPath.For(sheet)}. Fill {HumanRatingSheet.CorrectnessColumn}, {HumanRatingSheet.HallucinationColumn} and {HumanRatingSheet.RaterColumn}, then: ragp eval import-ratings <run-dir> <csv…>");
        }

        return CommandRunner.Success;
    }

    private static async Task<int> ImportRatingsAsync(CommandContext context)
    {
        var runPath = RunJsonPath(context.ParseResult.GetValue(RunDirectory)!);
        var run = await EvaluationRun.LoadAsync(runPath, context.CancellationToken);
        var ratings = await HumanRatingSheet.ImportAsync(context.ParseResult.GetValue(Sheets)!, run, context.CancellationToken);
        var rated = HumanRatingSheet.Attach(run, ratings);
        await context.Get<EvaluationReportWriter>().WriteAsync(rated, Path.GetDirectoryName(runPath)!, context.CancellationToken);
        var agreement = HumanAgreement.Compute(rated);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, new { imported = ratings.Count, agreement });
            return CommandRunner.Success;
        }

        context.Console.MarkupLineInterpolated($"Imported {ratings.Count} ratings; the run now has {rated.HumanRatings.Count}.");
        if (agreement is not null)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Measure", "Value");
            table.AddRow("Rated questions", agreement.RatedQuestionCount.ToString(CultureInfo.InvariantCulture));
            table.AddRow("Mean correctness (1-5)", agreement.MeanCorrectness.ToString("0.00", CultureInfo.InvariantCulture));
            table.AddRow("Hallucination rate, human", agreement.HumanHallucinationRate.ToString("0.0%", CultureInfo.InvariantCulture));
            table.AddRow("Hallucination rate, automatic", agreement.AutomaticHallucinationRate.ToString("0.0%", CultureInfo.InvariantCulture));
            table.AddRow("Agreement human vs automatic", agreement.HumanVsAutomatic.PercentAgreement.ToString("0.0%", CultureInfo.InvariantCulture));
            table.AddRow("Cohen's kappa", agreement.HumanVsAutomatic.CohenKappa?.ToString("0.00", CultureInfo.InvariantCulture) ?? "undefined");
            context.Console.Write(table);
        }

        return CommandRunner.Success;
    }

    private static Task<EvaluationRun> LoadRunAsync(string path, CancellationToken cancellationToken) =>
        EvaluationRun.LoadAsync(RunJsonPath(path), cancellationToken);

    /// <summary>A run is named by its folder or its run.json.</summary>
    private static string RunJsonPath(string path)
    {
        var runJson = Directory.Exists(path) ? Path.Combine(path, EvaluationReportWriter.RunJsonFileName) : path;
        return File.Exists(runJson)
            ? Path.GetFullPath(runJson)
            : throw new FileNotFoundException($"No evaluation run at '{path}': expected a run folder containing {EvaluationReportWriter.RunJsonFileName} (written by 'ragp eval run').");
    }

    internal static string FormatMetric(string key, double value) =>
        MetricKeys.IsFraction(key)
            ? value.ToString("0.0%", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string FormatDelta(string key, double delta) =>
        MetricKeys.IsFraction(key)
            ? (delta * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pt"
            : delta.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);

    private sealed record RunSummary(string RunId, ReportFiles Files, IReadOnlyDictionary<string, MetricSummary> Metrics, int ErrorCount);
}
