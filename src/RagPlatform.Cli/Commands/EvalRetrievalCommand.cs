using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Cli.Rendering;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Evaluation;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Rag.Ingestion;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary>
/// <c>ragp eval retrieval &lt;beir-dir&gt;</c>: indexes a BEIR corpus into a scratch store (one .txt file per corpus
/// document, named by its escaped _id) and scores the retriever's rankings against the qrels.
/// </summary>
internal static class EvalRetrievalCommand
{
    private static readonly Argument<string> BeirDirectory = new("beir-dir") { Description = "BEIR dataset folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv" };

    private static readonly Option<string> Split = new("--split")
    {
        Description = "Which qrels file to score against",
        DefaultValueFactory = _ => "test",
    };

    private static readonly Option<int> TopK = new("--top-k", "-k")
    {
        Description = "Chunks retrieved per query; metrics are computed at this cut-off",
        DefaultValueFactory = _ => 10,
    };

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("retrieval", "Score retrieval on a BEIR dataset (hit@k, recall@k, MRR, MAP, nDCG@k) in a scratch store")
        {
            BeirDirectory, Split, TopK,
        };
        CommandRunner.SetAction(command, environment, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var topK = context.ParseResult.GetValue(TopK);
        if (topK is < 1 or > 1000)
        {
            throw new ArgumentException($"--top-k must be between 1 and 1000 (got {topK}).");
        }

        var dataset = await BeirDataset.LoadAsync(context.ParseResult.GetValue(BeirDirectory)!, context.ParseResult.GetValue(Split)!, context.CancellationToken);
        var scratch = Path.Combine(Path.GetTempPath(), "ragp-beir-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await EvaluateInScratchStoreAsync(context, dataset, scratch, topK);
            Write(context, result);
            return CommandRunner.Success;
        }
        finally
        {
            DeleteScratch(context, scratch);
        }
    }

    private static void DeleteScratch(CommandContext context, string scratch)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (IOException e)
        {
            context.Environment.Error.WriteLine($"warning: could not delete the scratch store {scratch}: {e.Message}");
        }
    }

    private static async Task<RetrievalEvaluationResult> EvaluateInScratchStoreAsync(CommandContext context, BeirDataset dataset, string scratch, int topK)
    {
        var documents = Path.Combine(scratch, "corpus");
        Directory.CreateDirectory(documents);
        foreach (var document in dataset.Corpus.Values)
        {
            var text = document.Title.Length > 0 ? $"{document.Title}\n\n{document.Text}" : document.Text;
            await File.WriteAllTextAsync(Path.Combine(documents, Uri.EscapeDataString(document.Id) + ".txt"), text, context.CancellationToken);
        }

        var settings = new Dictionary<string, string?>
        {
            ["Store:Path"] = Path.Combine(scratch, "store"),
            ["Store:IngestSampleCorpusWhenEmpty"] = "false",
        };
        using var host = CliHost.Build(context.ParseResult, context.Environment, settings);
        var services = host.Services;
        var ingestion = services.GetRequiredService<DocumentIngestionService>();
        var evaluator = services.GetRequiredService<BeirRetrievalEvaluator>();
        var retriever = services.GetRequiredService<IRetriever>();
        if (context.Json)
        {
            await ingestion.IngestAsync([documents], progress: null, cancellationToken: context.CancellationToken);
            return await evaluator.EvaluateAsync(retriever, dataset, topK, CorpusId, progress: null, context.CancellationToken);
        }

        var report = await IngestionProgressDisplay.RunAsync(
            context.Console, "Indexing BEIR corpus", progress => ingestion.IngestAsync([documents], progress: progress, cancellationToken: context.CancellationToken));
        IngestionProgressDisplay.WriteReport(context.Console, report, listEveryFile: false);
        return await CountedProgress.RunAsync<EvaluationProgress, RetrievalEvaluationResult>(
            context.Console, "Retrieving", p => (p.Completed, p.Total),
            progress => evaluator.EvaluateAsync(retriever, dataset, topK, CorpusId, progress, context.CancellationToken));
    }

    private static string CorpusId(Chunk chunk) => Uri.UnescapeDataString(Path.GetFileNameWithoutExtension(chunk.SourcePath));

    private static void Write(CommandContext context, RetrievalEvaluationResult result)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, result);
            return;
        }

        var k = result.TopK;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Metric", "Mean");
        foreach (var key in new[] { MetricKeys.HitAt(k), MetricKeys.RecallAt(k), MetricKeys.PrecisionAt(k), MetricKeys.Mrr, MetricKeys.Map, MetricKeys.NdcgAt(k) }
                     .Where(result.Means.ContainsKey))
        {
            table.AddRow(key, result.Means[key].ToString("0.0000", CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        context.Console.MarkupLineInterpolated(
            $"[grey]{result.Queries.Count} judged queries ({result.Split}), {result.Method}; latency p50 {result.Latency.P50Ms:N1} ms, p95 {result.Latency.P95Ms:N1} ms[/]");
    }
}
