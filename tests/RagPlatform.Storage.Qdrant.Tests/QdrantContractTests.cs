using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

/// <summary>
/// The store against a real Qdrant (QDRANT_URL, and QDRANT_API_KEY when the server has one). Every test works in
/// collections of its own and deletes them afterwards.
/// </summary>
public sealed class QdrantContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset IngestedAt = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private LiveQdrant? _qdrant;

    private IChunkStore Store => _qdrant!.Store;

    private QdrantChunkStore QdrantStore => _qdrant!.Store;

    public Task InitializeAsync()
    {
        _qdrant = LiveQdrant.TryConnect();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_qdrant is not null)
        {
            await _qdrant.DisposeAsync();
        }
    }

    [QdrantFact]
    public async Task A_document_is_written_read_listed_replaced_and_removed()
    {
        var (document, text, chunks) = Attention();
        await Store.UpsertDocumentAsync(document, text, chunks, UnitVectors(chunks.Count));

        Assert.Equal(document, await Store.GetDocumentAsync(document.Id));
        Assert.Equal(text, await Store.GetDocumentTextAsync(document.Id));
        Assert.Equal(chunks, await Store.GetChunksAsync(document.Id));
        Assert.Equal([document], await Store.ListDocumentsAsync());

        var shorter = document with { ChunkCount = 1, ContentHash = "v2" };
        await Store.UpsertDocumentAsync(shorter, text, [chunks[0]], UnitVectors(1));
        Assert.Equal(shorter, await Store.GetDocumentAsync(document.Id));
        Assert.Equal([chunks[0]], await Store.GetChunksAsync(document.Id));

        Assert.True(await Store.RemoveDocumentAsync(document.Id));
        Assert.Null(await Store.GetDocumentAsync(document.Id));
        Assert.Null(await Store.GetDocumentTextAsync(document.Id));
        Assert.Empty(await Store.GetChunksAsync(document.Id));
        Assert.Empty(await Store.ListDocumentsAsync());
        Assert.False(await Store.RemoveDocumentAsync(document.Id));
    }

    [QdrantFact]
    public async Task Keyword_search_finds_the_chunk_with_the_query_terms()
    {
        await WriteCorpusAsync();

        var hits = await Store.KeywordSearchAsync("tokenizers tokens", 3);

        Assert.Equal("attention:1", hits[0].Chunk.Id);
        Assert.DoesNotContain(hits, hit => hit.Chunk.Id == "rag:0");
    }

    [QdrantFact]
    public async Task Dense_search_finds_the_nearest_vector()
    {
        await WriteCorpusAsync();

        var hits = await Store.VectorSearchAsync(new[] { 0.1f, 0.05f, 0.99f }, 2);

        Assert.Equal("rag:0", hits[0].Chunk.Id);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [QdrantFact]
    public async Task Hybrid_search_fuses_keyword_and_dense_rankings()
    {
        await WriteCorpusAsync();

        var hits = await QdrantStore.HybridSearchAsync("self attention", new[] { 0.99f, 0.1f, 0f }, 3);

        Assert.Equal("attention:0", hits[0].Chunk.Id);
        Assert.Equal(hits.Count, hits.Select(hit => hit.Chunk.Id).Distinct().Count());
    }

    [QdrantFact]
    public async Task A_filter_restricts_every_search_to_the_given_documents()
    {
        await WriteCorpusAsync();
        var onlyRag = new SearchFilter(["rag"]);

        var keyword = await Store.KeywordSearchAsync("attention sources", 5, onlyRag);
        var dense = await Store.VectorSearchAsync(new[] { 1f, 0f, 0f }, 5, onlyRag);
        var hybrid = await QdrantStore.HybridSearchAsync("attention sources", new[] { 1f, 0f, 0f }, 5, onlyRag);

        Assert.All(keyword.Concat(dense).Concat(hybrid), hit => Assert.Equal("rag", hit.Chunk.DocumentId));
        Assert.NotEmpty(keyword);
    }

    [QdrantFact]
    public async Task Writing_the_same_document_again_never_duplicates_points()
    {
        var (document, text, chunks) = Attention();
        await Store.UpsertDocumentAsync(document, text, chunks, UnitVectors(chunks.Count));
        await Store.UpsertDocumentAsync(document, text, chunks, UnitVectors(chunks.Count));

        Assert.Equal(chunks.Count, (await Store.GetChunksAsync(document.Id)).Count);
        var hits = await Store.KeywordSearchAsync("attention tokens", 10);
        Assert.Equal(hits.Count, hits.Select(hit => hit.Chunk.Id).Distinct().Count());
    }

    [QdrantFact]
    public async Task The_embedding_signature_round_trips_and_another_size_is_refused()
    {
        await Store.SetEmbeddingSignatureAsync(new EmbeddingSignature("test-model", 3));

        Assert.Equal(new EmbeddingSignature("test-model", 3), await Store.GetEmbeddingSignatureAsync());
        Assert.Empty(await Store.ListDocumentsAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.SetEmbeddingSignatureAsync(new EmbeddingSignature("other-model", 5)));
    }

    private static (DocumentInfo Document, string Text, IReadOnlyList<Chunk> Chunks) Attention()
    {
        const string Text = "Transformers use self attention.\n\nTokenizers split text into tokens.";
        return (
            new DocumentInfo("attention", "course/attention.md", "Attention", "md", "v1", Text.Length, "en", IngestedAt, 2),
            Text,
            [
                new Chunk("attention:0", "attention", 0, "Transformers use self attention.", "course/attention.md", "Attention", "", null, 0, 32, 5),
                new Chunk("attention:1", "attention", 1, "Tokenizers split text into tokens.", "course/attention.md", "Attention", "Tokens", 2, 34, 68, 6),
            ]);
    }

    private static (DocumentInfo Document, string Text, IReadOnlyList<Chunk> Chunks) Rag()
    {
        const string Text = "Retrieval augmented generation cites its sources.";
        return (
            new DocumentInfo("rag", "course/rag.md", "RAG", "md", "v1", Text.Length, "en", IngestedAt, 1),
            Text,
            [new Chunk("rag:0", "rag", 0, Text, "course/rag.md", "RAG", "", null, 0, Text.Length, 7)]);
    }

    /// <summary>Writes both documents; chunk i of the corpus points along axis i.</summary>
    private async Task WriteCorpusAsync()
    {
        var (attention, attentionText, attentionChunks) = Attention();
        await Store.UpsertDocumentAsync(attention, attentionText, attentionChunks, UnitVectors(2));
        var (rag, ragText, ragChunks) = Rag();
        await Store.UpsertDocumentAsync(rag, ragText, ragChunks, [new[] { 0f, 0f, 1f }]);
    }

    private static IReadOnlyList<ReadOnlyMemory<float>> UnitVectors(int count) =>
        Enumerable.Range(0, count).Select(axis => (ReadOnlyMemory<float>)Enumerable.Range(0, 3).Select(i => i == axis ? 1f : 0f).ToArray()).ToList();
}
