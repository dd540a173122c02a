using Microsoft.Extensions.VectorData;
using RagPlatform.Storage.VectorData.Tests.Support;

namespace RagPlatform.Storage.VectorData.Tests;

public sealed class ChunkStoreVectorCollectionTests : IAsyncLifetime
{
    private CourseStore _course = null!;

    public async Task InitializeAsync() => _course = await CourseStore.CreateAsync();

    public async Task DisposeAsync() => await _course.DisposeAsync();

    [Fact]
    public async Task Vector_search_returns_the_nearest_chunk_first_with_its_document_details()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store);

        var results = await collection
            .SearchAsync((ReadOnlyMemory<float>)WordHashEmbeddingGenerator.Embed("byte pair encoding merges character pairs"), top: 2)
            .ToListAsync();

        Assert.Equal(2, results.Count);
        var best = results[0].Record;
        Assert.Equal("tokenizer:0", best.Key);
        Assert.Equal("tokenizer", best.DocumentId);
        Assert.Equal("About tokenizer", best.Title);
        Assert.Equal("docs/tokenizer.md", best.SourcePath);
        Assert.Equal("Overview", best.HeadingPath);
        Assert.Null(best.Vector);
        Assert.True(results[0].Score > results[1].Score);
    }

    [Fact]
    public async Task Text_search_embeds_the_text_with_the_generator()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store, new WordHashEmbeddingGenerator());

        var results = await collection.SearchAsync("reciprocal rank fusion of rankings", top: 1).ToListAsync();

        Assert.Equal("retrieval:0", Assert.Single(results).Record.Key);
    }

    [Fact]
    public async Task Text_search_without_a_generator_says_to_configure_one()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => collection.SearchAsync("attention", top: 1).ToListAsync().AsTask());

        Assert.Contains("IEmbeddingGenerator", error.Message);
    }

    [Fact]
    public async Task Vector_search_honours_filter_skip_and_vectors()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store);
        var query = WordHashEmbeddingGenerator.Embed("attention token sequence");

        var all = await collection.SearchAsync(query, top: 6).ToListAsync();
        var attentionOnly = await collection
            .SearchAsync(query, top: 6, new VectorSearchOptions<RagChunkRecord> { Filter = r => r.DocumentId == "tokenizer", IncludeVectors = true })
            .ToListAsync();
        var skipped = await collection.SearchAsync(query, top: 2, new VectorSearchOptions<RagChunkRecord> { Skip = 1 }).ToListAsync();

        Assert.Equal(6, all.Count);
        Assert.Equal(["tokenizer:0", "tokenizer:1"], attentionOnly.Select(r => r.Record.Key).Order());
        Assert.All(attentionOnly, r => Assert.Equal(WordHashEmbeddingGenerator.Dimensions, r.Record.Vector!.Value.Length));
        Assert.Equal(all.Skip(1).Take(2).Select(r => r.Record.Key), skipped.Select(r => r.Record.Key));
    }

    [Fact]
    public async Task Hybrid_search_finds_an_exact_keyword_the_vector_alone_misses()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store);
        // The vector points at attention; the keyword names the BM25 chunk, which the fused ranking must include.
        var vector = WordHashEmbeddingGenerator.Embed("self attention token sequence");

        var vectorOnly = await collection.SearchAsync(vector, top: 3).ToListAsync();
        var hybrid = await collection.HybridSearchAsync(vector, ["BM25"], top: 3).ToListAsync();

        Assert.DoesNotContain(vectorOnly, r => r.Record.Key == "retrieval:1");
        Assert.Contains(hybrid, r => r.Record.Key == "retrieval:1");
        Assert.Contains(hybrid, r => r.Record.Key == "attention:0");
        Assert.True(hybrid.Zip(hybrid.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public async Task Hybrid_search_applies_the_filter_to_both_rankings()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store);
        string[] allowed = ["retrieval"];

        var hybrid = await collection
            .HybridSearchAsync(WordHashEmbeddingGenerator.Embed("attention"), ["attention", "tokens"], top: 5,
                new HybridSearchOptions<RagChunkRecord> { Filter = r => allowed.Contains(r.DocumentId) })
            .ToListAsync();

        Assert.All(hybrid, r => Assert.Equal("retrieval", r.Record.DocumentId));
    }

    [Fact]
    public async Task Get_by_key_returns_the_chunk_or_null()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store);

        var found = await collection.GetAsync("attention:1", new RecordRetrievalOptions { IncludeVectors = true });
        var unknown = await collection.GetAsync("attention:9");
        var malformed = await collection.GetAsync("no-index");

        Assert.NotNull(found);
        Assert.Equal(CourseStore.Documents["attention"][1], found.Text);
        Assert.Equal(1, found.Index);
        Assert.Equal(WordHashEmbeddingGenerator.Embed(found.Text), found.Vector!.Value.ToArray());
        Assert.Null(unknown);
        Assert.Null(malformed);
    }

    [Fact]
    public async Task Get_by_filter_lists_matching_documents_chunks_in_order()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store);

        var retrieval = await collection.GetAsync(r => r.DocumentId == "retrieval", top: 5).ToListAsync();
        var paged = await collection
            .GetAsync(r => true, top: 2, new FilteredRecordRetrievalOptions<RagChunkRecord> { Skip = 1 })
            .ToListAsync();

        await Assert.ThrowsAsync<NotSupportedException>(
            () => collection.GetAsync(r => r.DocumentId == "retrieval" || r.DocumentId == "attention", top: 3).ToListAsync().AsTask());
        Assert.Equal(["retrieval:0", "retrieval:1"], retrieval.Select(r => r.Key));
        Assert.Equal(2, paged.Count);
        Assert.NotEqual(paged[0].Key, paged[1].Key);
    }

    [Fact]
    public async Task Chunk_level_writes_point_to_document_ingestion()
    {
        using var collection = new ChunkStoreVectorCollection(_course.Store);
        var record = new RagChunkRecord { Key = "x:0", DocumentId = "x", Text = "text" };

        var upsert = await Assert.ThrowsAsync<NotSupportedException>(() => collection.UpsertAsync(record));
        await Assert.ThrowsAsync<NotSupportedException>(() => collection.DeleteAsync("attention:0"));
        await Assert.ThrowsAsync<NotSupportedException>(() => collection.EnsureCollectionDeletedAsync());

        Assert.Contains("ingest", upsert.Message);
        Assert.NotNull(await collection.GetAsync("attention:0"));
    }

    [Fact]
    public async Task The_store_exposes_its_single_collection_and_metadata()
    {
        using var vectorStore = new ChunkStoreVectorStore(_course.Store);

        var names = await vectorStore.ListCollectionNamesAsync().ToListAsync();
        var collection = vectorStore.GetCollection<string, RagChunkRecord>(ChunkStoreVectorCollection.DefaultName);

        Assert.Equal([ChunkStoreVectorCollection.DefaultName], names);
        Assert.True(await vectorStore.CollectionExistsAsync(ChunkStoreVectorCollection.DefaultName));
        Assert.False(await vectorStore.CollectionExistsAsync("other"));
        Assert.NotNull(await collection.GetAsync("tokenizer:1"));
        Assert.Equal("ragplatform", ((VectorStoreMetadata)vectorStore.GetService(typeof(VectorStoreMetadata))!).VectorStoreSystemName);
        Assert.Equal(ChunkStoreVectorCollection.DefaultName,
            ((VectorStoreCollectionMetadata)collection.GetService(typeof(VectorStoreCollectionMetadata))!).CollectionName);
        Assert.Throws<NotSupportedException>(() => vectorStore.GetCollection<Guid, RagChunkRecord>(ChunkStoreVectorCollection.DefaultName));
        Assert.Throws<ArgumentException>(() => vectorStore.GetCollection<string, RagChunkRecord>("other"));
    }
}
