using System.Numerics.Tensors;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Retrieval;

/// <summary>
/// Maximal marginal relevance: picks, one at a time, the candidate maximising
/// λ·relevance − (1 − λ)·(highest cosine similarity to anything already picked).
/// Relevance is the candidate's fused score relative to the best, so keyword-only hits keep their standing.
/// </summary>
internal static class MaximalMarginalRelevance
{
    /// <param name="candidates">Sorted best first.</param>
    /// <param name="vectors">Chunk vectors by chunk id; a candidate without one is never considered redundant.</param>
    public static IReadOnlyList<ScoredChunk> Select(
        IReadOnlyList<ScoredChunk> candidates, IReadOnlyDictionary<string, ReadOnlyMemory<float>> vectors, int top, double lambda)
    {
        var count = candidates.Count;
        var bestScore = count == 0 ? 0 : candidates[0].Score;
        var relevance = candidates.Select(c => bestScore > 0 ? c.Score / bestScore : 1).ToArray();
        var candidateVectors = candidates.Select(c => vectors.TryGetValue(c.Chunk.Id, out var v) ? v : (ReadOnlyMemory<float>?)null).ToArray();
        var highestSimilarityToPicked = new double[count];
        var picked = new bool[count];
        var selection = new List<ScoredChunk>(Math.Min(top, count));

        while (selection.Count < Math.Min(top, count))
        {
            var next = -1;
            var nextValue = double.NegativeInfinity;
            for (var i = 0; i < count; i++)
            {
                var value = lambda * relevance[i] - (1 - lambda) * highestSimilarityToPicked[i];
                if (!picked[i] && value > nextValue)
                {
                    (next, nextValue) = (i, value);
                }
            }

            picked[next] = true;
            selection.Add(candidates[next]);
            if (candidateVectors[next] is not { } pickedVector)
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                if (!picked[i] && candidateVectors[i] is { } vector && vector.Length == pickedVector.Length)
                {
                    var similarity = TensorPrimitives.CosineSimilarity(pickedVector.Span, vector.Span);
                    highestSimilarityToPicked[i] = Math.Max(highestSimilarityToPicked[i], similarity);
                }
            }
        }

        return selection;
    }
}
