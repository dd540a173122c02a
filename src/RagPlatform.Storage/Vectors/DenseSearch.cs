using System.Numerics.Tensors;

namespace RagPlatform.Storage.Vectors;

/// <summary>
/// Top-k cosine search over <see cref="VectorBlock"/>s, exact or approximate.
/// </summary>
/// <remarks>
/// The approximate search is a full scan of int8 codes followed by an exact float re-ranking of a candidate pool,
/// not a graph index such as HNSW. On the 2-core target the int8 scan of 100k 384-d vectors takes about 2 ms with
/// VNNI (4 ms with plain AVX2), a quarter of the float scan's memory traffic, and its ranking error is far below the
/// score gaps among the top results, so the re-ranked top 10 matches the exact one at a recall of about 1.0 even on
/// uniform random vectors, where graph indexes are weakest. It also builds in milliseconds (no sidecar file to keep
/// in step with SQLite), updates per document, and applies filters exactly during the scan instead of post-filtering
/// a candidate list. Its cost is linear, so at millions of vectors a graph index would be faster. Both searches split
/// large scans across the cores.
/// </remarks>
internal static class DenseSearch
{
    // A part of the scan smaller than this (about half a millisecond of int8 work) is not worth handing to another core.
    private const int MinimumRowsPerPart = 20_000;

    private delegate void BlockScorer(VectorBlock block, Span<float> scores);

    /// <summary>How many int8-ranked candidates are re-scored exactly for a top-<paramref name="top"/> search.</summary>
    public static int CandidatePool(int top) => Math.Max(4 * top, 64);

    /// <param name="unitQuery">The query, unit length.</param>
    /// <returns>The best <paramref name="top"/> rows by cosine, best first (ties by chunk row).</returns>
    public static IReadOnlyList<(long ChunkRowId, double Score)> Exact(
        ReadOnlySpan<float> unitQuery, IReadOnlyList<VectorBlock> blocks, int top)
    {
        var query = unitQuery.ToArray();
        var best = Scan(blocks, top, (block, scores) =>
        {
            for (var row = 0; row < scores.Length; row++)
            {
                scores[row] = TensorPrimitives.Dot(query, block.Vector(row));
            }
        });

        return Ranked(best.Items.Select(hit => (hit.Item.Block.ChunkRowIds[hit.Item.Row], hit.Score)));
    }

    /// <summary>Ranks every allowed row by its int8 score, then re-scores the <see cref="CandidatePool"/> best exactly.</summary>
    public static IReadOnlyList<(long ChunkRowId, double Score)> Approximate(
        ReadOnlySpan<float> unitQuery, IReadOnlyList<VectorBlock> blocks, int top)
    {
        var query = new Int8Query(unitQuery);
        var candidates = Scan(blocks, CandidatePool(top), (block, scores) => block.Codes.Score(query, scores));

        var best = new BestScores<long>(top);
        foreach (var ((block, row), _) in candidates.Items)
        {
            best.Offer(block.ChunkRowIds[row], TensorPrimitives.Dot(unitQuery, block.Vector(row)));
        }

        return Ranked(best.Items);
    }

    /// <summary>
    /// The <paramref name="capacity"/> best-scoring rows. Large scans are split into one part per core, each
    /// keeping its own best, so a single query uses the whole machine.
    /// </summary>
    private static BestScores<(VectorBlock Block, int Row)> Scan(IReadOnlyList<VectorBlock> blocks, int capacity, BlockScorer score)
    {
        var parts = Partition(blocks);
        var bestPerPart = new BestScores<(VectorBlock Block, int Row)>[parts.Count];
        Parallel.For(0, parts.Count, part =>
        {
            var best = new BestScores<(VectorBlock Block, int Row)>(capacity);
            var scores = new float[parts[part].Select(block => block.Count).DefaultIfEmpty().Max()];
            foreach (var block in parts[part])
            {
                var blockScores = scores.AsSpan(0, block.Count);
                score(block, blockScores);
                for (var row = 0; row < blockScores.Length; row++)
                {
                    if (best.WouldKeep(blockScores[row]))
                    {
                        best.Offer((block, row), blockScores[row]);
                    }
                }
            }

            bestPerPart[part] = best;
        });

        if (bestPerPart.Length == 1)
        {
            return bestPerPart[0];
        }

        var merged = new BestScores<(VectorBlock Block, int Row)>(capacity);
        foreach (var (item, itemScore) in bestPerPart.SelectMany(best => best.Items))
        {
            merged.Offer(item, itemScore);
        }

        return merged;
    }

    /// <summary>Consecutive runs of blocks with about equal row counts, one per core but none under <see cref="MinimumRowsPerPart"/>.</summary>
    private static List<List<VectorBlock>> Partition(IReadOnlyList<VectorBlock> blocks)
    {
        var rows = blocks.Sum(block => block.Count);
        var partCount = Math.Clamp(rows / MinimumRowsPerPart, 1, Environment.ProcessorCount);
        var parts = new List<List<VectorBlock>> { new() };
        var rowsSoFar = 0;
        foreach (var block in blocks)
        {
            if (rowsSoFar >= (long)rows * parts.Count / partCount && parts[^1].Count > 0)
            {
                parts.Add([]);
            }

            parts[^1].Add(block);
            rowsSoFar += block.Count;
        }

        return parts;
    }

    private static List<(long ChunkRowId, double Score)> Ranked(IEnumerable<(long ChunkRowId, float Score)> hits)
    {
        var results = hits.Select(hit => (hit.ChunkRowId, Score: (double)hit.Score)).ToList();
        results.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.ChunkRowId.CompareTo(b.ChunkRowId));
        return results;
    }
}
