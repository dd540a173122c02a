using System.Diagnostics;
using BenchmarkDotNet.Mathematics;
using Microsoft.Extensions.Options;
using RagPlatform.Benchmarks.Harness;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Retrieval;
using RagPlatform.Storage;

namespace RagPlatform.Benchmarks.Vectors;

/// <summary>
/// Ingests one synthetic corpus into a real <see cref="SqliteChunkStore"/>, reopens it, and times single queries of
/// every kind on the same queries in rotation, so machine noise hits all of them alike.
/// </summary>
internal sealed class VectorSuite(string workRoot, Action<string> log)
{
    public const int Top = 10;
    public const int QueryCount = 200;
    private const int WarmupQueries = 40;
    private const int WarmupRounds = 3;
    private const int Seed = 20_260_101;

    private static readonly EmbeddingSignature Signature = new("synthetic-384", SyntheticCorpus.Dimensions);

    public async Task<VectorResult> RunAsync(int size, VectorDistribution distribution, CancellationToken cancellationToken)
    {
        var corpus = new SyntheticCorpus(size, distribution, Seed);
        var queries = corpus.Queries(WarmupQueries + QueryCount);
        var directory = Path.Combine(workRoot, $"{distribution}-{size}".ToLowerInvariant());

        log($"{distribution} {size:N0}: ingesting {corpus.DocumentCount:N0} documents");
        var ingestSeconds = await IngestAsync(corpus, directory, cancellationToken);

        Settle();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        // Threshold 0 makes every dense search approximate, whatever the size, so small sizes are measured too.
        await using var approximate = Open(directory, approximateSearchThreshold: 0);
        await approximate.VectorSearchAsync(queries[0].Vector, Top, cancellationToken: cancellationToken);
        var loadSeconds = watch.Elapsed.TotalSeconds;
        Settle();
        var managedBytes = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        var workingSetBytes = Process.GetCurrentProcess().WorkingSet64;

        log($"{distribution} {size:N0}: loaded in {loadSeconds:F2} s; timing {QueryCount} queries");
        await using var exact = Open(directory, approximateSearchThreshold: int.MaxValue);
        var hybrid = new HybridRetriever(approximate, new QueryVectorGenerator(queries), Options.Create(new RetrievalOptions()));
        Func<SyntheticQuery, Task<IReadOnlyList<ScoredChunk>>>[] searches =
        [
            query => exact.VectorSearchAsync(query.Vector, Top, cancellationToken: cancellationToken),
            query => approximate.VectorSearchAsync(query.Vector, Top, cancellationToken: cancellationToken),
            query => approximate.KeywordSearchAsync(query.Text, Top, cancellationToken: cancellationToken),
            query => hybrid.RetrieveAsync(new RetrievalRequest(query.Text, Top), cancellationToken),
        ];

        // Several rounds with pauses let tiered compilation promote the hot paths before anything is timed.
        for (var round = 0; round < WarmupRounds; round++)
        {
            foreach (var query in queries.Take(WarmupQueries))
            {
                foreach (var search in searches)
                {
                    await search(query);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        var seconds = searches.Select(_ => new List<double>()).ToArray();
        var found = 0;
        foreach (var query in queries.Skip(WarmupQueries))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = new IReadOnlyList<ScoredChunk>[searches.Length];
            for (var search = 0; search < searches.Length; search++)
            {
                var started = Stopwatch.GetTimestamp();
                results[search] = await searches[search](query);
                seconds[search].Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }

            found += results[1].Select(hit => hit.Chunk.Id).Intersect(results[0].Select(hit => hit.Chunk.Id)).Count();
        }

        return new VectorResult(
            size, distribution, ingestSeconds, loadSeconds, managedBytes, workingSetBytes,
            Exact: Latency.Of(seconds[0]), Approximate: Latency.Of(seconds[1]), Keyword: Latency.Of(seconds[2]), Hybrid: Latency.Of(seconds[3]),
            RecallAt10: found / (double)(Top * QueryCount),
            LoadAverage: SystemLoad.OneMinuteAverage());
    }

    private static async Task<double> IngestAsync(SyntheticCorpus corpus, string directory, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var store = Open(directory, approximateSearchThreshold: 0);
        await store.SetEmbeddingSignatureAsync(Signature, cancellationToken);
        foreach (var document in corpus.Documents())
        {
            await store.UpsertDocumentAsync(document.Info, document.Text, document.Chunks, document.Vectors, cancellationToken);
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static SqliteChunkStore Open(string directory, int approximateSearchThreshold) =>
        new(Options.Create(new SqliteStoreOptions { DirectoryPath = directory, ApproximateSearchThreshold = approximateSearchThreshold }));

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

/// <summary>Median and 95th percentile of single-query wall-clock times, in seconds.</summary>
internal sealed record Latency(double P50, double P95)
{
    public static Latency Of(IReadOnlyList<double> seconds)
    {
        var statistics = new Statistics(seconds);
        return new Latency(statistics.Percentiles.P50, statistics.Percentiles.P95);
    }
}

/// <param name="ManagedBytes">Growth of the managed heap from before the reopen to after the first search (the loaded index).</param>
/// <param name="WorkingSetBytes">The process's working set right after that first search.</param>
/// <param name="LoadAverage">The machine's one-minute load average when the timing ended.</param>
internal sealed record VectorResult(
    int Size,
    VectorDistribution Distribution,
    double IngestSeconds,
    double LoadSeconds,
    long ManagedBytes,
    long WorkingSetBytes,
    Latency Exact,
    Latency Approximate,
    Latency Keyword,
    Latency Hybrid,
    double RecallAt10,
    double? LoadAverage)
{
    public const double RecallTarget = 0.98;
    public const double P95TargetSeconds = 0.005;

    /// <summary>The latency target is set for 100k vectors; larger collections are judged on recall only.</summary>
    public const int LatencyTargetMaxSize = 100_000;

    public bool MeetsLatencyTarget => Size > LatencyTargetMaxSize || Approximate.P95 <= P95TargetSeconds;

    public bool Passed => RecallAt10 >= RecallTarget && MeetsLatencyTarget;
}
