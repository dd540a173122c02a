using RagPlatform.Storage.Tests.Support;
using RagPlatform.Storage.Vectors;

namespace RagPlatform.Storage.Tests.Vectors;

public sealed class DenseSearchTests
{
    private const int Dimensions = 384;
    private const int RowsPerBlock = 100;

    [Fact]
    public void ExactSearchReturnsTheTrueNeighboursBestFirst()
    {
        var random = new Random(1);
        var corpus = UnitVectors.Uniform(random, 2_000, Dimensions);
        var query = UnitVectors.Uniform(random, 1, Dimensions)[0];

        var hits = DenseSearch.Exact(query, Blocks(corpus), 10);

        Assert.Equal(UnitVectors.ExactTop(corpus, query, 10).Select(index => (long)index), hits.Select(hit => hit.ChunkRowId));
        Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public void ScansLargeEnoughToSplitAcrossCoresFindTheSameNeighbours()
    {
        const int SmallDimensions = 32;
        var random = new Random(5);
        var corpus = UnitVectors.Uniform(random, 50_000, SmallDimensions);
        var query = UnitVectors.Uniform(random, 1, SmallDimensions)[0];
        var expected = UnitVectors.ExactTop(corpus, query, 10).Select(index => (long)index);

        Assert.Equal(expected, DenseSearch.Exact(query, Blocks(corpus, SmallDimensions), 10).Select(hit => hit.ChunkRowId));
        Assert.Equal(expected, DenseSearch.Approximate(query, Blocks(corpus, SmallDimensions), 10).Select(hit => hit.ChunkRowId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ApproximateSearchFindsAtLeast98PercentOfTheTrueTop10(bool clustered)
    {
        var random = new Random(clustered ? 3 : 2);
        var corpus = clustered ? UnitVectors.Clustered(random, 20_000, Dimensions, clusters: 50) : UnitVectors.Uniform(random, 20_000, Dimensions);
        var queries = clustered ? UnitVectors.Clustered(random, 30, Dimensions, clusters: 50) : UnitVectors.Uniform(random, 30, Dimensions);
        var blocks = Blocks(corpus);

        var found = queries.Sum(query =>
        {
            var expected = UnitVectors.ExactTop(corpus, query, 10).Select(index => (long)index);
            return DenseSearch.Approximate(query, blocks, 10).Select(hit => hit.ChunkRowId).Intersect(expected).Count();
        });

        var recall = found / (10.0 * queries.Length);
        Assert.True(recall >= 0.98, $"recall@10 was {recall:F3}");
    }

    /// <summary>Blocks of <see cref="RowsPerBlock"/> vectors whose chunk row ids are their indexes in <paramref name="corpus"/>.</summary>
    private static VectorBlock[] Blocks(float[][] corpus, int dimensions = Dimensions) =>
        VectorBlock.CreateMany(
            corpus.Chunk(RowsPerBlock)
                .Select((vectors, block) => (
                    Enumerable.Range(block * RowsPerBlock, vectors.Length).Select(index => (long)index).ToArray(),
                    vectors.SelectMany(vector => vector).ToArray()))
                .ToList(),
            dimensions);
}
