using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Runs;

/// <summary>One BEIR query: the documents retrieved (best first, each once) and their metrics.</summary>
public sealed record RetrievalQueryResult(string QueryId, string Query, IReadOnlyList<string> RankedDocumentIds, IReadOnlyDictionary<string, double> Metrics, double LatencyMs);

/// <summary>Retrieval quality of an <see cref="IRetriever"/> on a BEIR dataset: per query and averaged over queries.</summary>
/// <param name="Means">Metric key → mean over queries.</param>
public sealed record RetrievalEvaluationResult(
    string DatasetDirectory,
    string Split,
    int TopK,
    string Method,
    IReadOnlyList<RetrievalQueryResult> Queries,
    IReadOnlyDictionary<string, double> Means,
    LatencySummary Latency);

/// <summary>
/// Runs every judged query of a BEIR dataset through a retriever and scores the ranking against the graded qrels
/// with <see cref="RetrievalMetrics"/> (trec_eval conventions). Chunks are mapped to corpus ids — by default their
/// <see cref="Chunk.DocumentId"/> — and a document counts at its best-ranked chunk only. Only the top-k chunks are
/// retrieved, so MAP and R-precision are computed on that truncated ranking.
/// </summary>
public sealed class BeirRetrievalEvaluator(ILogger<BeirRetrievalEvaluator>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<BeirRetrievalEvaluator>.Instance;

    /// <param name="documentIdOf">Maps a retrieved chunk to the BEIR corpus id it came from; null uses <see cref="Chunk.DocumentId"/>.</param>
    public async Task<RetrievalEvaluationResult> EvaluateAsync(
        IRetriever retriever,
        BeirDataset dataset,
        int topK = 10,
        Func<Chunk, string>? documentIdOf = null,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        documentIdOf ??= chunk => chunk.DocumentId;
        var runTimer = Stopwatch.StartNew();
        var results = new List<RetrievalQueryResult>(dataset.Queries.Count);
        foreach (var query in dataset.Queries)
        {
            var timer = Stopwatch.StartNew();
            var chunks = await retriever.RetrieveAsync(new RetrievalRequest(query.Text, topK), cancellationToken).ConfigureAwait(false);
            var latencyMs = timer.Elapsed.TotalMilliseconds;
            var ranking = chunks.Select(scored => documentIdOf(scored.Chunk)).Distinct(StringComparer.Ordinal).ToList();
            results.Add(new RetrievalQueryResult(query.Id, query.Text, ranking, Score(ranking, dataset.Qrels[query.Id], topK), latencyMs));
            progress?.Report(new EvaluationProgress(results.Count, dataset.Queries.Count, query.Id, runTimer.Elapsed, Failed: false));
        }

        var means = results.SelectMany(result => result.Metrics)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Average(pair => pair.Value), StringComparer.Ordinal);
        var latencies = results.Select(result => result.LatencyMs).ToList();
        var latency = new LatencySummary(
            latencies.Count == 0 ? 0 : latencies.Average(), Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), latencies.Count == 0 ? 0 : latencies.Max(), latencies.Count);
        _logger.LogInformation("Scored {Count} BEIR queries from {Directory} ({Split}) at top-{TopK}", results.Count, dataset.Directory, dataset.Split, topK);
        return new RetrievalEvaluationResult(dataset.Directory, dataset.Split, topK, RetrievalMetrics.Method, results, means, latency);
    }

    private static Dictionary<string, double> Score(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k) => new(StringComparer.Ordinal)
    {
        [MetricKeys.NdcgAt(k)] = RetrievalMetrics.NdcgAtK(ranking, judgements, k),
        [MetricKeys.RecallAt(k)] = RetrievalMetrics.RecallAtK(ranking, judgements, k),
        [MetricKeys.PrecisionAt(k)] = RetrievalMetrics.PrecisionAtK(ranking, judgements, k),
        [MetricKeys.HitAt(k)] = RetrievalMetrics.HitAtK(ranking, judgements, k),
        [MetricKeys.Mrr] = RetrievalMetrics.ReciprocalRank(ranking, judgements),
        [MetricKeys.Map] = RetrievalMetrics.AveragePrecision(ranking, judgements),
        [MetricKeys.RPrecision] = RetrievalMetrics.RPrecision(ranking, judgements),
    };
}
