using System.Numerics.Tensors;

namespace RagPlatform.Storage.Tests.Support;

/// <summary>Seeded random unit vectors and the exact nearest neighbours among them.</summary>
internal static class UnitVectors
{
    /// <summary>Directions spread evenly over the sphere: the hardest case for approximate search.</summary>
    public static float[][] Uniform(Random random, int count, int dimensions) =>
        Enumerable.Range(0, count).Select(_ => Normalized(Gaussian(random, dimensions))).ToArray();

    /// <summary>Points around a few random centres, closer together like the embeddings of related passages.</summary>
    public static float[][] Clustered(Random random, int count, int dimensions, int clusters)
    {
        var centres = Uniform(random, clusters, dimensions);
        return Enumerable.Range(0, count)
            .Select(_ =>
            {
                var point = Gaussian(random, dimensions);
                TensorPrimitives.MultiplyAdd(point, 0.6f / MathF.Sqrt(dimensions), centres[random.Next(clusters)], point);
                return Normalized(point);
            })
            .ToArray();
    }

    /// <returns>Indexes into <paramref name="corpus"/> of the <paramref name="top"/> best cosine matches, best first.</returns>
    public static int[] ExactTop(IReadOnlyList<float[]> corpus, float[] query, int top, Func<int, bool>? allowed = null) =>
        Enumerable.Range(0, corpus.Count)
            .Where(index => allowed?.Invoke(index) ?? true)
            .OrderByDescending(index => TensorPrimitives.CosineSimilarity(corpus[index], query))
            .Take(top)
            .ToArray();

    private static float[] Gaussian(Random random, int dimensions) =>
        Enumerable.Range(0, dimensions)
            .Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))
            .ToArray();

    private static float[] Normalized(float[] vector)
    {
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
