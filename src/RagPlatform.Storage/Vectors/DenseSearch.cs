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
        ReadOnlySpan<float> unitQuery, IEnumerable<VectorBlock> blocks, ChunkRowScope scope, int top)
    {
        var best = new BestScores<long>(top);
        foreach (var block in blocks)
        {
            for (var row = 0; row < block.Count; row++)
            {
                if (scope.Allows(block.ChunkRowIds[row]))
                {
                    best.Offer(block.ChunkRowIds[row], TensorPrimitives.Dot(unitQuery, block.Vector(row)));
                }
            }
        }

        return Ranked(best.Items);
    }

    /// <summary>Ranks every allowed row by its int8 score, then re-scores the <see cref="CandidatePool"/> best exactly.</summary>
    public static IReadOnlyList<(long ChunkRowId, double Score)> Approximate(
        ReadOnlySpan<float> unitQuery, IEnumerable<VectorBlock> blocks, ChunkRowScope scope, int top)
    {
        var query = new Int8Query(unitQuery);
        var candidates = new BestScores<(VectorBlock Block, int Row)>(CandidatePool(top));
        foreach (var block in blocks)
        {
            for (var row = 0; row < block.Count; row++)
            {
                if (scope.Allows(block.ChunkRowIds[row]))
                {
                    candidates.Offer((block, row), block.Codes.Score(query, row));
                }
            }
        }

        var best = new BestScores<long>(top);
        foreach (var ((block, row), _) in candidates.Items)
        {
            best.Offer(block.ChunkRowIds[row], TensorPrimitives.Dot(unitQuery, block.Vector(row)));
        }

        return Ranked(best.Items);
    }

    private static List<(long ChunkRowId, double Score)> Ranked(IEnumerable<(long ChunkRowId, float Score)> hits)
    {
        var results = hits.Select(hit => (hit.ChunkRowId, Score: (double)hit.Score)).ToList();
        results.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.ChunkRowId.CompareTo(b.ChunkRowId));
        return results;
    }
}
