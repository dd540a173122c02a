using System.Diagnostics;
using BenchmarkDotNet.Mathematics;
using RagPlatform.Benchmarks.Harness;
using RagPlatform.Core.Retrieval;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Benchmarks.Keyword;

/// <summary>
/// The platform's keyword search and Lucene.NET BM25 on the same corpus in one process: every engine indexes the
/// corpus <see cref="IndexRounds"/> times and answers every query <see cref="LatencyPasses"/> times, the engines
/// taking turns in a rotating order so that drift on a shared machine hits them alike; quality is scored by the
/// platform's <see cref="BeirRetrievalEvaluator"/>.
/// </summary>
internal sealed class KeywordSuite(KeywordOptions options, string workRoot, Action<string> progress)
{
    public const int IndexRounds = 3;
    public const int LatencyPasses = 5;
    public const int TopK = 10;

    public async Task<KeywordResults> RunAsync(CancellationToken cancellationToken)
    {
        var (dataset, origin) = await LoadDatasetAsync(cancellationToken).ConfigureAwait(false);
        progress($"{dataset.Corpus.Count:N0} documents, {dataset.Queries.Count:N0} judged queries; preparing documents …");
        var corpus = PreparedDocument.FromCorpus(dataset.Corpus.Values, DateTimeOffset.UtcNow);
        IKeywordEngine[] engines =
        [
            new PlatformKeywordEngine(corpus),
            LuceneKeywordEngine.WithStandardAnalyzer(corpus),
            LuceneKeywordEngine.WithEnglishIndonesianAnalyzer(corpus),
        ];

        var indexSeconds = engines.Select(_ => new double[IndexRounds]).ToArray();
        var indexBytes = new long[engines.Length];
        IKeywordIndex[] indexes = [];
        for (var round = 0; round < IndexRounds; round++)
        {
            if (round > 0)
            {
                await ReleaseRoundAsync(indexes, round - 1, indexBytes).ConfigureAwait(false);
            }

            progress($"Indexing, round {round + 1} of {IndexRounds} …");
            indexes = await BuildRoundAsync(engines, round, indexSeconds, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var quality = new RetrievalEvaluationResult[engines.Length];
            var evaluator = new BeirRetrievalEvaluator();
            for (var engine = 0; engine < engines.Length; engine++)
            {
                progress($"Scoring {engines[engine].Name} (also warms it up) …");
                quality[engine] = await evaluator.EvaluateAsync(indexes[engine], dataset, TopK, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            progress($"Timing queries, {LatencyPasses} passes …");
            var latencies = await MeasureLatencyAsync(indexes, dataset.Queries, cancellationToken).ConfigureAwait(false);
            return new KeywordResults(
                origin,
                DatasetStatistics.Of(dataset),
                engines.Select((engine, i) => new EngineResult(
                    engine.Name, engine.Configuration, new Statistics(indexSeconds[i]), indexBytes[i], new Statistics(latencies[i]), quality[i])).ToList());
        }
        finally
        {
            foreach (var index in indexes)
            {
                await index.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<(BeirDataset Dataset, string Origin)> LoadDatasetAsync(CancellationToken cancellationToken)
    {
        if (options.BeirDirectory is { } directory)
        {
            progress($"Loading the BEIR dataset in {directory} …");
            return (await BeirDataset.LoadAsync(directory, SyntheticBeir.Split, cancellationToken).ConfigureAwait(false), $"BEIR dataset `{Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar))}` (split {SyntheticBeir.Split})");
        }

        var generated = Path.Combine(workRoot, "dataset");
        progress($"Generating a {options.Documents:N0}-document BEIR dataset …");
        await SyntheticBeir.WriteAsync(generated, options.Documents, SyntheticBeir.DefaultSeed, cancellationToken).ConfigureAwait(false);
        return (await BeirDataset.LoadAsync(generated, SyntheticBeir.Split, cancellationToken).ConfigureAwait(false), SyntheticBeir.Describe(options.Documents, SyntheticBeir.DefaultSeed));
    }

    private async Task<IKeywordIndex[]> BuildRoundAsync(IKeywordEngine[] engines, int round, double[][] seconds, CancellationToken cancellationToken)
    {
        var indexes = new IKeywordIndex[engines.Length];
        foreach (var engine in RotatedOrder(engines.Length, round))
        {
            var directory = IndexDirectory(engine, round);
            PairedTimer.Settle();
            var watch = Stopwatch.StartNew();
            indexes[engine] = await engines[engine].BuildAsync(directory, cancellationToken).ConfigureAwait(false);
            seconds[engine][round] = watch.Elapsed.TotalSeconds;
        }

        return indexes;
    }

    /// <returns>Per engine, every query's latency in every pass, in milliseconds.</returns>
    private static async Task<double[][]> MeasureLatencyAsync(IKeywordIndex[] indexes, IReadOnlyList<BeirQuery> queries, CancellationToken cancellationToken)
    {
        var samples = indexes.Select(_ => new double[queries.Count * LatencyPasses]).ToArray();
        for (var pass = 0; pass < LatencyPasses; pass++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var request = new RetrievalRequest(queries[i].Text, TopK);
                foreach (var engine in RotatedOrder(indexes.Length, pass + i))
                {
                    var started = Stopwatch.GetTimestamp();
                    await indexes[engine].RetrieveAsync(request, cancellationToken).ConfigureAwait(false);
                    samples[engine][(pass * queries.Count) + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }
        }

        return samples;
    }

    /// <summary>0 … count − 1 starting at <paramref name="turn"/> mod count, so each engine goes first equally often.</summary>
    private static IEnumerable<int> RotatedOrder(int count, int turn) => Enumerable.Range(0, count).Select(offset => (turn + offset) % count);

    /// <summary>
    /// Closes a round's indexes, records their size on disk and deletes them. Sizes are taken once closed, when the
    /// store's write-ahead log has been folded into the database file.
    /// </summary>
    private async Task ReleaseRoundAsync(IKeywordIndex[] indexes, int round, long[] bytes)
    {
        for (var engine = 0; engine < indexes.Length; engine++)
        {
            await indexes[engine].DisposeAsync().ConfigureAwait(false);
            var directory = new DirectoryInfo(IndexDirectory(engine, round));
            bytes[engine] = directory.EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
            directory.Delete(recursive: true);
        }
    }

    private string IndexDirectory(int engine, int round) => Path.Combine(workRoot, $"round{round}", $"engine{engine}");
}
