using System.Runtime.InteropServices;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Retrieval;

/// <summary>
/// Weighted reciprocal-rank fusion: a chunk scores Σ weight / (k + rank) over the rankings it appears in (rank from 1).
/// Ranks, not raw scores, are combined, so BM25 and cosine scales never need calibrating against each other.
/// </summary>
internal static class ReciprocalRankFusion
{
    /// <returns>Every ranked chunk once, by fused score descending; ties keep first-seen order.</returns>
    public static IReadOnlyList<ScoredChunk> Fuse(IReadOnlyList<(IReadOnlyList<ScoredChunk> Ranking, double Weight)> rankings, int k)
    {
        var fused = new Dictionary<string, (ScoredChunk Chunk, int FirstSeen)>(StringComparer.Ordinal);
        foreach (var (ranking, weight) in rankings)
        {
            if (weight <= 0)
            {
                continue;
            }

            for (var index = 0; index < ranking.Count; index++)
            {
                var chunk = ranking[index].Chunk;
                var contribution = weight / (k + index + 1);
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(fused, chunk.Id, out var exists);
                entry = exists
                    ? (entry.Chunk with { Score = entry.Chunk.Score + contribution }, entry.FirstSeen)
                    : (new ScoredChunk(chunk, contribution), fused.Count - 1);
            }
        }

        return fused.Values
            .OrderByDescending(entry => entry.Chunk.Score)
            .ThenBy(entry => entry.FirstSeen)
            .Select(entry => entry.Chunk)
            .ToList();
    }
}
