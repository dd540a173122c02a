using Microsoft.Extensions.Options;
using RagPlatform.Core.Retrieval;
using RagPlatform.Storage.VectorData.Tests.Support;

namespace RagPlatform.Storage.VectorData.Tests;

public sealed class VectorStoreRetrieverTests : IAsyncLifetime
{
    private CourseStore _course = null!;

    public async Task InitializeAsync() => _course = await CourseStore.CreateAsync();

    public async Task DisposeAsync() => await _course.DisposeAsync();

    [Fact]
    public async Task Vector_mode_embeds_the_query_and_maps_records_to_chunks()
    {
        var retriever = CreateRetriever(VectorStoreRetrievalMode.Vector);

        var chunks = await retriever.RetrieveAsync(new RetrievalRequest("How does byte pair encoding merge pairs?", TopK: 2));

        Assert.Equal(2, chunks.Count);
        var best = chunks[0].Chunk;
        Assert.Equal("tokenizer:0", best.Id);
        Assert.Equal("tokenizer", best.DocumentId);
        Assert.Equal("About tokenizer", best.Title);
        Assert.Equal("docs/tokenizer.md", best.SourcePath);
        Assert.Equal(CourseStore.Documents["tokenizer"][0], best.Text);
        Assert.Equal(best.Text.Length, best.EndOffset);
        Assert.Equal(9, best.TokenCount);
    }

    [Fact]
    public async Task Auto_mode_uses_hybrid_search_when_the_collection_offers_it()
    {
        var vector = CreateRetriever(VectorStoreRetrievalMode.Vector);
        var auto = CreateRetriever(VectorStoreRetrievalMode.Auto);
        var request = new RetrievalRequest("self attention token sequence BM25", TopK: 3);

        var vectorChunks = await vector.RetrieveAsync(request);
        var autoChunks = await auto.RetrieveAsync(request);
        var keywordless = await auto.RetrieveAsync(request with { Weights = new FusionWeights(0, 1) });

        Assert.DoesNotContain(vectorChunks, c => c.Chunk.Id == "retrieval:1");
        Assert.Contains(autoChunks, c => c.Chunk.Id == "retrieval:1");
        Assert.Equal(vectorChunks.Select(c => c.Chunk.Id), keywordless.Select(c => c.Chunk.Id));
    }

    [Fact]
    public async Task Document_filters_reach_the_collection()
    {
        var retriever = CreateRetriever(VectorStoreRetrievalMode.Auto);

        var chunks = await retriever.RetrieveAsync(new RetrievalRequest("attention tokens", TopK: 5, new SearchFilter(DocumentIds: ["tokenizer"])));
        var none = await retriever.RetrieveAsync(new RetrievalRequest("attention tokens", TopK: 5, new SearchFilter(DocumentIds: [])));

        Assert.NotEmpty(chunks);
        Assert.All(chunks, c => Assert.Equal("tokenizer", c.Chunk.DocumentId));
        Assert.Empty(none);
    }

    [Fact]
    public void Document_and_tag_filters_become_connector_contains_conditions()
    {
        var filter = RecordFilterBuilder.Build<RagChunkRecord>(
            new SearchFilter(DocumentIds: ["a", "b"], Tags: ["course:nlp"]), r => r.DocumentId, r => r.Tags);

        var predicate = filter!.Compile();
        Assert.Equal(
            """r => (value(System.String[]).Contains(r.DocumentId) AndAlso r.Tags.Contains("course:nlp"))""",
            filter.ToString());
        Assert.True(predicate(new RagChunkRecord { Key = "a:0", DocumentId = "a", Text = "", Tags = ["course:nlp"] }));
        Assert.False(predicate(new RagChunkRecord { Key = "c:0", DocumentId = "c", Text = "", Tags = ["course:nlp"] }));
        Assert.False(predicate(new RagChunkRecord { Key = "b:0", DocumentId = "b", Text = "" }));
        var translated = ChunkRecordFilter.Translate(filter);
        Assert.Equal(["a", "b"], translated!.DocumentIds!.Order());
        Assert.Equal(["course:nlp"], translated.Tags!);
    }

    [Fact]
    public async Task Filters_the_mapping_cannot_express_say_what_to_configure()
    {
        var withoutTags = CreateRetriever(VectorStoreRetrievalMode.Vector, o => o.Tags = null);
        var retriever = CreateRetriever(VectorStoreRetrievalMode.Vector);

        var tagError = await Assert.ThrowsAsync<NotSupportedException>(
            () => withoutTags.RetrieveAsync(new RetrievalRequest("attention", Filter: new SearchFilter(Tags: ["course:nlp"]))));
        var metadataError = await Assert.ThrowsAsync<NotSupportedException>(
            () => retriever.RetrieveAsync(new RetrievalRequest("attention", Filter: new SearchFilter(Metadata: new Dictionary<string, string> { ["owner"] = "tim" }))));

        Assert.Contains("VectorStoreRetrievalOptions.Tags", tagError.Message);
        Assert.Contains("VectorStoreRetrievalOptions.Filter", metadataError.Message);
    }

    [Fact]
    public async Task A_custom_filter_replaces_the_built_in_translation()
    {
        var retriever = CreateRetriever(VectorStoreRetrievalMode.Vector, o => o.Filter = _ => r => r.DocumentId == "retrieval");

        var chunks = await retriever.RetrieveAsync(new RetrievalRequest("attention", Filter: new SearchFilter(Metadata: new Dictionary<string, string> { ["owner"] = "tim" })));

        Assert.All(chunks, c => Assert.Equal("retrieval", c.Chunk.DocumentId));
    }

    [Fact]
    public void A_missing_mapping_names_the_option_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateRetriever(VectorStoreRetrievalMode.Vector, o => o.Text = null));

        Assert.Contains("VectorStoreRetrievalOptions<RagChunkRecord>.Text is not set", error.Message);
    }

    private VectorStoreRetriever<string, RagChunkRecord> CreateRetriever(
        VectorStoreRetrievalMode mode, Action<VectorStoreRetrievalOptions<RagChunkRecord>>? adjust = null)
    {
        var options = new VectorStoreRetrievalOptions<RagChunkRecord> { Mode = mode };
        ChunkRecordMapping.Configure(options);
        adjust?.Invoke(options);
        return new VectorStoreRetriever<string, RagChunkRecord>(
            new ChunkStoreVectorCollection(_course.Store), Options.Create(options), new WordHashEmbeddingGenerator());
    }
}
