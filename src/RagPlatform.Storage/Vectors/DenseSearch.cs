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
/// a candidate list. Its cost is linear, so at millions of vectors a graph index would be faster.
/// </remarks>
internal static class DenseSearch
{
    /// <summary>How many int8-ranked candidates are re-scored exactly for a top-<paramref name="top"/> search.</summary>
    public static int CandidatePool(int top) => Math.Max(4 * top, 64);

    /// <param name="unitQuery">The query, unit length.</param>
    /// <returns>The best <paramref name="top"/> rows by cosine, best first (ties by chunk row).</returns>
    public static IReadOnlyList<(long ChunkRowId, double Score)> Exact(
        ReadOnlySpan<float> unitQuery, IReadOnlyList<VectorBlock> blocks, ChunkRowScope scope, int top)
    {
        var best = new BestScores<long>(top);
        var scores = ScoreBuffer(blocks);
        foreach (var block in blocks)
        {
            var blockScores = scores.AsSpan(0, block.Count);
            for (var row = 0; row < block.Count; row++)
            {
                blockScores[row] = TensorPrimitives.Dot(unitQuery, block.Vector(row));
            }

            Keep(block, blockScores, scope, best, (block, row) => block.ChunkRowIds[row]);
        }

        return Ranked(best.Items);
    }

    /// <summary>Ranks every allowed row by its int8 score, then re-scores the <see cref="CandidatePool"/> best exactly.</summary>
    public static IReadOnlyList<(long ChunkRowId, double Score)> Approximate(
        ReadOnlySpan<float> unitQuery, IReadOnlyList<VectorBlock> blocks, ChunkRowScope scope, int top)
    {
        var query = new Int8Query(unitQuery);
        var candidates = new BestScores<(VectorBlock Block, int Row)>(CandidatePool(top));
        var scores = ScoreBuffer(blocks);
        foreach (var block in blocks)
        {
            var blockScores = scores.AsSpan(0, block.Count);
            block.Codes.Score(query, blockScores);
            Keep(block, blockScores, scope, candidates, (block, row) => (block, row));
        }

        var best = new BestScores<long>(top);
        foreach (var ((block, row), _) in candidates.Items)
        {
            best.Offer(block.ChunkRowIds[row], TensorPrimitives.Dot(unitQuery, block.Vector(row)));
        }

        return Ranked(best.Items);
    }

    private static float[] ScoreBuffer(IReadOnlyList<VectorBlock> blocks) => new float[blocks.Count == 0 ? 0 : blocks.Max(block => block.Count)];

    private static void Keep<T>(VectorBlock block, ReadOnlySpan<float> scores, ChunkRowScope scope, BestScores<T> best, Func<VectorBlock, int, T> item)
    {
        for (var row = 0; row < scores.Length; row++)
        {
            if (best.WouldKeep(scores[row]) && scope.Allows(block.ChunkRowIds[row]))
            {
                best.Offer(item(block, row), scores[row]);
            }
        }
    }

    private static List<(long ChunkRowId, double Score)> Ranked(IEnumerable<(long ChunkRowId, float Score)> hits)
    {
        var results = hits.Select(hit => (hit.ChunkRowId, Score: (double)hit.Score)).ToList();
        results.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.ChunkRowId.CompareTo(b.ChunkRowId));
        return results;
    }
}
