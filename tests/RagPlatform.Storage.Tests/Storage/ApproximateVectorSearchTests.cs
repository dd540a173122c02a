using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

/// <summary>The store's dense search once collections reach <see cref="SqliteStoreOptions.ApproximateSearchThreshold"/>.</summary>
public sealed class ApproximateVectorSearchTests
{
    private const int Dimensions = 384;
    private const int ChunksPerDocument = 200;
    private static readonly EmbeddingSignature Signature = new("test-embedder", Dimensions);

    [Fact]
    public async Task RecallAt10AgainstTheExactSearchIsAtLeast98Percent()
    {
        await using var fixture = new StoreFixture(approximateSearchThreshold: 1_000);
        var random = new Random(1);
        await StoreAsync(fixture.Store, UnitVectors.Uniform(random, 20_000, Dimensions));
        await using var exactStore = fixture.Open(approximateSearchThreshold: int.MaxValue);

        var found = 0;
        var queries = UnitVectors.Uniform(random, 30, Dimensions);
        foreach (var query in queries)
        {
            var expected = await IdsAsync(exactStore, query, 10);
            found += (await IdsAsync(fixture.Store, query, 10)).Intersect(expected).Count();
        }

        var recall = found / (10.0 * queries.Length);
        Assert.True(recall >= 0.98, $"recall@10 was {recall:F3}");
    }

    [Fact]
    public async Task SelectiveAndBroadDocumentFiltersReturnOnlyAllowedChunks()
    {
        await using var fixture = new StoreFixture(approximateSearchThreshold: 1_000);
        var random = new Random(2);
        var corpus = UnitVectors.Uniform(random, 4_000, Dimensions);
        await StoreAsync(fixture.Store, corpus);
        var query = UnitVectors.Uniform(random, 1, Dimensions)[0];
        string[] selective = ["doc-3", "doc-11"];
        var broad = Enumerable.Range(0, 20).Where(document => document % 3 != 0).Select(document => $"doc-{document}").ToArray();

        foreach (var allowed in new[] { selective, broad })
        {
            var expected = UnitVectors.ExactTop(corpus, query, 10, index => allowed.Contains(DocumentOf(index))).Select(ChunkIdOf);

            var results = await IdsAsync(fixture.Store, query, 10, new SearchFilter(allowed));

            Assert.All(results, id => Assert.Contains(id.Split(':')[0], allowed));
            Assert.Equal(expected, results);
        }
    }

    [Fact]
    public async Task FollowsUpsertsAndRemovalsFromThisAndAnotherStoreInstance()
    {
        await using var fixture = new StoreFixture(approximateSearchThreshold: 0);
        var random = new Random(3);
        await StoreAsync(fixture.Store, UnitVectors.Uniform(random, 1_000, Dimensions));
        var query = UnitVectors.Uniform(random, 1, Dimensions)[0];
        var before = await IdsAsync(fixture.Store, query, 5);

        await StoreDocumentAsync(fixture.Store, "match", [query]);
        Assert.Equal(before.Take(4).Prepend("match:0"), await IdsAsync(fixture.Store, query, 5));

        await StoreDocumentAsync(fixture.Store, "match", [query.Select(x => -x).ToArray()]);
        Assert.Equal(before, await IdsAsync(fixture.Store, query, 5));

        await using (var otherProcess = fixture.Open())
        {
            await StoreDocumentAsync(otherProcess, "elsewhere", [query]);
            Assert.Equal("elsewhere:0", (await IdsAsync(fixture.Store, query, 1))[0]);
            Assert.True(await otherProcess.RemoveDocumentAsync("elsewhere"));
            Assert.True(await otherProcess.RemoveDocumentAsync(before[0].Split(':')[0]));
        }

        var after = await IdsAsync(fixture.Store, query, 5);
        Assert.DoesNotContain(after, id => id.StartsWith("elsewhere:", StringComparison.Ordinal));
        Assert.DoesNotContain(after, id => id.Split(':')[0] == before[0].Split(':')[0]);
    }

    [Fact]
    public async Task AReopenedStoreFindsTheSameChunks()
    {
        var random = new Random(4);
        var queries = UnitVectors.Uniform(random, 5, Dimensions);
        await using var fixture = new StoreFixture(approximateSearchThreshold: 0);
        await StoreAsync(fixture.Store, UnitVectors.Uniform(random, 2_000, Dimensions));
        var before = await Task.WhenAll(queries.Select(query => IdsAsync(fixture.Store, query, 10)));

        await using var reopened = fixture.Open();

        Assert.Equal(before, await Task.WhenAll(queries.Select(query => IdsAsync(reopened, query, 10))));
    }

    private static async Task<string[]> IdsAsync(SqliteChunkStore store, float[] query, int top, SearchFilter? filter = null) =>
        (await store.VectorSearchAsync(query, top, filter)).Select(result => result.Chunk.Id).ToArray();

    /// <summary>Stores the vectors in order as documents doc-0, doc-1, … of <see cref="ChunksPerDocument"/> chunks each.</summary>
    private static async Task StoreAsync(SqliteChunkStore store, float[][] vectors)
    {
        await store.SetEmbeddingSignatureAsync(Signature);
        foreach (var (document, index) in vectors.Chunk(ChunksPerDocument).Select((chunk, index) => (chunk, index)))
        {
            await StoreDocumentAsync(store, $"doc-{index}", document);
        }
    }

    private static async Task StoreDocumentAsync(SqliteChunkStore store, string id, float[][] vectors)
    {
        var document = TestDocuments.Create(id, id, vectors.Select((_, i) => $"Passage {i} of {id}.").ToArray());
        await document.StoreAsync(store, vectors.Select(vector => (ReadOnlyMemory<float>)vector).ToList());
    }

    private static string DocumentOf(int index) => $"doc-{index / ChunksPerDocument}";

    private static string ChunkIdOf(int index) => $"{DocumentOf(index)}:{index % ChunksPerDocument}";
}
