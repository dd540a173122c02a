using System.Globalization;
using System.Text;
using RagPlatform.Benchmarks.Harness;

namespace RagPlatform.Benchmarks.Vectors;

/// <summary>The "Dense vector search (embedded store)" section of docs/benchmarks.md.</summary>
internal static class VectorReport
{
    public const string Heading = "## Dense vector search (embedded store)";
    public const string Command = "dotnet run -c Release --project tests/RagPlatform.Benchmarks -- vectors";

    public static string ToMarkdown(IReadOnlyList<VectorResult> results, VectorOptions options, MachineInfo machine)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine($"Regenerate this section with `{Command} {options.ToArguments()}` (it replaces only this section; " +
            "`--sizes 10000,100000,1000000` adds a million vectors, about 10 more minutes per distribution on 2 cores).");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Each corpus is synthetic: unit 384-d float vectors and 60-word chunk texts in documents of {SyntheticCorpus.ChunksPerDocument} chunks, " +
            $"ingested through `SqliteChunkStore.UpsertDocumentAsync` into a real store in a temp folder. **Uniform** vectors are " +
            $"independent uniform directions, the hardest case for approximate search (no structure to exploit, near neighbours " +
            $"barely closer than the rest); **clustered** vectors lie around one topic centre per 100 chunks (cosine about 0.5 " +
            $"within a topic), closer to real embeddings. Texts mix a topic's own words with Zipf-distributed vocabulary; queries " +
            $"(two topic words and one content word, plus a vector from the same distribution) are never copies of chunks."));
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Each of {VectorSuite.QueryCount} queries (after warm-up) runs every search kind in turn, top {VectorSuite.Top}, one query at a time, " +
            $"through the store's public API (so times include reading the hits' chunks from SQLite). **Exact** is the float32 " +
            $"cosine scan (`ApproximateSearchThreshold = int.MaxValue`); **approximate** is the int8 scan with exact re-ranking " +
            $"(threshold 0 here, so small sizes are measured too; by default collections under 20,000 vectors are searched " +
            $"exactly). Both dense searches split scans of 40,000 vectors or more across the cores. **Keyword** is FTS5 BM25; **hybrid** is `HybridRetriever` (keyword + approximate dense, 40 candidates " +
            $"each, reciprocal-rank fusion) with an embedding generator that returns the query's vector. Recall@10 is the share " +
            $"of the exact top 10 that the approximate search returns. The machine is shared and noisy: the speed-up (exact ÷ " +
            $"approximate, same run, same queries) is the result, absolute times are for orientation. The load average (one minute, at " +
            $"the end of the timing; 2 means both cores busy) shows how much other work shared the machine, which mostly inflates p95."));
        text.AppendLine().AppendLine(machine.ToMarkdownList()).AppendLine();

        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Targets: recall@10 ≥ {VectorResult.RecallTarget:F2} at every size; approximate p95 ≤ {Milliseconds(VectorResult.P95TargetSeconds)} up to {VectorResult.LatencyTargetMaxSize:N0} vectors."));
        text.AppendLine();
        text.AppendLine("| Vectors | Distribution | Exact p50 / p95 | Approximate p50 / p95 | Speed-up p50 / p95 | Recall@10 | Keyword p50 / p95 | Hybrid p50 / p95 | Load average | Result |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Size:N0} | {result.Distribution.ToString().ToLowerInvariant()} | {Pair(result.Exact)} | {Pair(result.Approximate)} | " +
                $"{result.Exact.P50 / result.Approximate.P50:F1}× / {result.Exact.P95 / result.Approximate.P95:F1}× | {result.RecallAt10:F3} | " +
                $"{Pair(result.Keyword)} | {Pair(result.Hybrid)} | {result.LoadAverage?.ToString("F1", CultureInfo.InvariantCulture) ?? "n/a"} | {(result.Passed ? "pass" : "**FAIL**")} |"));
        }

        text.AppendLine().AppendLine("### Ingestion, loading and memory").AppendLine();
        text.AppendLine("Ingest writes every document (chunks, FTS5 terms, vectors) in its own transaction. Load is a fresh store " +
            "instance on the same file up to the end of its first dense search: reading every vector from SQLite, normalising " +
            "and quantising it (there is no separate index file to load). Index memory is the managed-heap growth over that " +
            "load (float32 vectors for exact re-ranking plus int8 codes); the working set is the whole process's right after it.");
        text.AppendLine();
        text.AppendLine("| Vectors | Distribution | Ingest | Ingest rate | Load (reopen + index ready) | Index memory (managed) | Working set |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Size:N0} | {result.Distribution.ToString().ToLowerInvariant()} | {Seconds(result.IngestSeconds)} | " +
                $"{result.Size / result.IngestSeconds:N0} chunks/s | {Seconds(result.LoadSeconds)} | {Megabytes(result.ManagedBytes)} | {Megabytes(result.WorkingSetBytes)} |"));
        }

        return text.ToString();
    }

    private static string Pair(Latency latency) => $"{Milliseconds(latency.P50)} / {Milliseconds(latency.P95)}";

    private static string Milliseconds(double seconds) =>
        (seconds * 1000).ToString(seconds < 0.01 ? "F2" : "F1", CultureInfo.InvariantCulture) + " ms";

    private static string Seconds(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture) + " MiB";
}
