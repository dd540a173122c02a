using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

public sealed class VectorSearchTests
{
    private const int Dimensions = 24;
    private static readonly EmbeddingSignature Signature = new("test-embedder", Dimensions);

    [Fact]
    public async Task ReturnsTheExactTopKByCosineSimilarity()
    {
        await using var fixture = new StoreFixture();
        var random = new Random(1234);
        var vectorsByChunkId = await StoreRandomDocumentsAsync(fixture.Store, random, documentCount: 12, chunksPerDocument: 15);
        var query = RandomVector(random);

        var results = await fixture.Store.VectorSearchAsync(query, 10);

        var expected = vectorsByChunkId
            .Select(pair => (Id: pair.Key, Score: Cosine(query, pair.Value)))
            .OrderByDescending(pair => pair.Score)
            .Take(10)
            .ToList();
        Assert.Equal(expected.Select(e => e.Id), results.Select(r => r.Chunk.Id));
        Assert.All(expected.Zip(results), pair => Assert.Equal(pair.First.Score, pair.Second.Score, precision: 4));
    }

    [Fact]
    public async Task HonoursTheDocumentFilter()
    {
        await using var fixture = new StoreFixture();
        var random = new Random(99);
        var vectorsByChunkId = await StoreRandomDocumentsAsync(fixture.Store, random, documentCount: 5, chunksPerDocument: 6);
        var query = RandomVector(random);
        string[] allowed = ["doc-1", "doc-3"];

        var results = await fixture.Store.VectorSearchAsync(query, 4, new SearchFilter(allowed));

        var expected = vectorsByChunkId
            .Where(pair => allowed.Any(id => pair.Key.StartsWith(id + ":", StringComparison.Ordinal)))
            .OrderByDescending(pair => Cosine(query, pair.Value))
            .Take(4)
            .Select(pair => pair.Key);
        Assert.Equal(expected, results.Select(r => r.Chunk.Id));
    }

    [Fact]
    public async Task FindsNothingWithoutVectors()
    {
        await using var fixture = new StoreFixture();
        await CourseCorpus.EnglishNotes.StoreAsync(fixture.Store);

        Assert.Null(await fixture.Store.GetEmbeddingSignatureAsync());
        Assert.Empty(await fixture.Store.VectorSearchAsync(new float[Dimensions], 5));
    }

    [Fact]
    public async Task SeesNewVectorsAfterAWrite()
    {
        await using var fixture = new StoreFixture();
        await StoreRandomDocumentsAsync(fixture.Store, new Random(5), documentCount: 2, chunksPerDocument: 3);
        var query = RandomVector(new Random(6));
        await fixture.Store.VectorSearchAsync(query, 3);

        await StoreDocumentAsync(fixture.Store, "exact-match", [query]);

        Assert.Equal("exact-match:0", (await fixture.Store.VectorSearchAsync(query, 3))[0].Chunk.Id);
    }

    [Fact]
    public async Task SeesVectorsWrittenByAnotherStoreInstance()
    {
        await using var fixture = new StoreFixture();
        await StoreRandomDocumentsAsync(fixture.Store, new Random(7), documentCount: 2, chunksPerDocument: 3);
        var query = RandomVector(new Random(8));
        await fixture.Store.VectorSearchAsync(query, 3);

        await using (var otherProcess = fixture.Open())
        {
            await StoreDocumentAsync(otherProcess, "from-elsewhere", [query]);
        }

        Assert.Equal("from-elsewhere:0", (await fixture.Store.VectorSearchAsync(query, 3))[0].Chunk.Id);
    }

    [Fact]
    public async Task ForgetsReplacedAndRemovedVectorsAfterCaching()
    {
        await using var fixture = new StoreFixture();
        var random = new Random(11);
        var query = RandomVector(random);
        await StoreRandomDocumentsAsync(fixture.Store, random, documentCount: 3, chunksPerDocument: 2);
        await StoreDocumentAsync(fixture.Store, "kept", [query]);
        await StoreDocumentAsync(fixture.Store, "removed", [query]);
        Assert.Equal(["kept:0", "removed:0"], (await fixture.Store.VectorSearchAsync(query, 2)).Select(r => r.Chunk.Id));

        await StoreDocumentAsync(fixture.Store, "kept", [Negated(query)]);
        await fixture.Store.RemoveDocumentAsync("removed");

        var results = await fixture.Store.VectorSearchAsync(query, 10);
        Assert.Equal(7, results.Count);
        Assert.DoesNotContain(results, r => r.Chunk.DocumentId == "removed");
        Assert.Equal("kept:0", results[^1].Chunk.Id);
    }

    [Fact]
    public async Task ReloadsEverythingWhenTheChangeLogNoLongerCoversTheCache()
    {
        await using var fixture = new StoreFixture();
        var query = RandomVector(new Random(21));
        await StoreRandomDocumentsAsync(fixture.Store, new Random(22), documentCount: 2, chunksPerDocument: 2);
        await fixture.Store.VectorSearchAsync(query, 1);
        await using (var otherProcess = fixture.Open())
        {
            await StoreDocumentAsync(otherProcess, "late", [query]);
        }

        await DocumentStorageTests.ExecuteRawAsync(fixture.DatabasePath, "DELETE FROM changes;");

        Assert.Equal("late:0", (await fixture.Store.VectorSearchAsync(query, 1))[0].Chunk.Id);
    }

    [Fact]
    public async Task ReadsBackStoredChunkVectors()
    {
        await using var fixture = new StoreFixture();
        var vectorsByChunkId = await StoreRandomDocumentsAsync(fixture.Store, new Random(31), documentCount: 2, chunksPerDocument: 2);

        var read = await fixture.Store.GetChunkVectorsAsync(["doc-0:1", "doc-1:0", "missing:0"]);

        Assert.Equal(["doc-0:1", "doc-1:0"], read.Keys.Order());
        Assert.Equal(vectorsByChunkId["doc-0:1"], read["doc-0:1"].ToArray());
        Assert.Equal(vectorsByChunkId["doc-1:0"], read["doc-1:0"].ToArray());
    }

    [Fact]
    public async Task ExplainsADimensionMismatchOnWrite()
    {
        await using var fixture = new StoreFixture();
        await StoreRandomDocumentsAsync(fixture.Store, new Random(3), documentCount: 1, chunksPerDocument: 2);
        var document = TestDocuments.Create("wrong", "Wrong", "Passage embedded by another model.");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => document.StoreAsync(fixture.Store, [new float[Dimensions * 2]]));

        AssertReembedAdvice(error, fixture.DatabasePath);
        Assert.Null(await fixture.Store.GetDocumentAsync("wrong"));
    }

    [Fact]
    public async Task ExplainsADimensionMismatchOnSearch()
    {
        await using var fixture = new StoreFixture();
        await StoreRandomDocumentsAsync(fixture.Store, new Random(3), documentCount: 1, chunksPerDocument: 2);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Store.VectorSearchAsync(new float[8], 3));

        AssertReembedAdvice(error, fixture.DatabasePath);
    }

    [Fact]
    public async Task RefusesAnotherModelUntilVectorsAreCleared()
    {
        await using var fixture = new StoreFixture();
        await StoreRandomDocumentsAsync(fixture.Store, new Random(3), documentCount: 1, chunksPerDocument: 2);
        var otherModel = new EmbeddingSignature("other-embedder", 8);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Store.SetEmbeddingSignatureAsync(otherModel));
        AssertReembedAdvice(error, fixture.DatabasePath);

        await fixture.Store.ClearVectorsAsync();
        Assert.Null(await fixture.Store.GetEmbeddingSignatureAsync());
        Assert.Empty(await fixture.Store.VectorSearchAsync(new float[Dimensions], 3));

        await fixture.Store.SetEmbeddingSignatureAsync(otherModel);
        Assert.Equal(otherModel, await fixture.Store.GetEmbeddingSignatureAsync());
        Assert.Empty(await fixture.Store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task SettingTheSameSignatureAgainIsHarmless()
    {
        await using var fixture = new StoreFixture();
        await StoreRandomDocumentsAsync(fixture.Store, new Random(3), documentCount: 1, chunksPerDocument: 2);

        await fixture.Store.SetEmbeddingSignatureAsync(Signature);

        Assert.Equal(Signature, await fixture.Store.GetEmbeddingSignatureAsync());
        Assert.Equal(2, (await fixture.Store.VectorSearchAsync(RandomVector(new Random(1)), 5)).Count);
    }

    [Fact]
    public async Task VectorsNeedASignatureFirst()
    {
        await using var fixture = new StoreFixture();
        var document = TestDocuments.Create("doc", "Doc", "A passage.");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => document.StoreAsync(fixture.Store, [new float[4]]));

        Assert.Contains(nameof(SqliteChunkStore.SetEmbeddingSignatureAsync), error.Message);
    }

    private static void AssertReembedAdvice(InvalidOperationException error, string databasePath)
    {
        Assert.Contains("test-embedder", error.Message);
        Assert.Contains($"({Dimensions} dimensions)", error.Message);
        Assert.Contains("--store", error.Message);
        Assert.Contains(databasePath, error.Message);
    }

    private static async Task<Dictionary<string, float[]>> StoreRandomDocumentsAsync(SqliteChunkStore store, Random random, int documentCount, int chunksPerDocument)
    {
        await store.SetEmbeddingSignatureAsync(Signature);
        var vectorsByChunkId = new Dictionary<string, float[]>();
        for (var d = 0; d < documentCount; d++)
        {
            var vectors = Enumerable.Range(0, chunksPerDocument).Select(_ => RandomVector(random)).ToArray();
            var document = await StoreDocumentAsync(store, $"doc-{d}", vectors);
            for (var c = 0; c < chunksPerDocument; c++)
            {
                vectorsByChunkId[document.Chunks[c].Id] = vectors[c];
            }
        }

        return vectorsByChunkId;
    }

    private static async Task<TestDocument> StoreDocumentAsync(SqliteChunkStore store, string id, float[][] vectors)
    {
        var document = TestDocuments.Create(id, id, vectors.Select((_, i) => $"Passage {i} of {id}.").ToArray());
        await document.StoreAsync(store, vectors.Select(v => (ReadOnlyMemory<float>)v).ToList());
        return document;
    }

    private static float[] RandomVector(Random random) =>
        Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    private static float[] Negated(float[] vector) => vector.Select(x => -x).ToArray();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            normA += a[i] * (double)a[i];
            normB += b[i] * (double)b[i];
        }

        return dot / Math.Sqrt(normA * normB);
    }
}
