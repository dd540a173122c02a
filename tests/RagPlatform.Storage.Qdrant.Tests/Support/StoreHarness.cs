using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RagPlatform.Storage.Qdrant.Tests.Support;

/// <summary>The REST paths the store must use with the default collection name "ragp_chunks" (spec operation in brackets).</summary>
internal static class QdrantUrls
{
    public const string Chunks = "/collections/ragp_chunks"; // get_collection, create_collection
    public const string ChunksIndex = "/collections/ragp_chunks/index?wait=true"; // create_field_index
    public const string ChunksDenseVector = "/collections/ragp_chunks/vectors/dense?wait=true"; // create_vector_name
    public const string ChunksUpsert = "/collections/ragp_chunks/points?wait=true"; // upsert_points
    public const string ChunksDelete = "/collections/ragp_chunks/points/delete?wait=true"; // delete_points
    public const string ChunksQuery = "/collections/ragp_chunks/points/query"; // query_points
    public const string ChunksScroll = "/collections/ragp_chunks/points/scroll"; // scroll_points
    public const string ChunksCount = "/collections/ragp_chunks/points/count"; // count_points
    public const string Documents = "/collections/ragp_chunks_documents";
    public const string DocumentsUpsert = "/collections/ragp_chunks_documents/points?wait=true";
    public const string DocumentsRetrieve = "/collections/ragp_chunks_documents/points"; // get_points
    public const string DocumentsDelete = "/collections/ragp_chunks_documents/points/delete?wait=true";
    public const string DocumentsScroll = "/collections/ragp_chunks_documents/points/scroll";
}

/// <summary>A <see cref="QdrantChunkStore"/> talking to a <see cref="FakeQdrant"/>.</summary>
internal sealed class StoreHarness : IAsyncDisposable
{
    public StoreHarness(Action<QdrantStoreOptions>? configure = null)
    {
        var options = new QdrantStoreOptions();
        configure?.Invoke(options);
        Store = new QdrantChunkStore(
            new HttpClient(Qdrant), Options.Create(options), WordAnalyzer.Instance, NullLogger<QdrantChunkStore>.Instance);
    }

    public FakeQdrant Qdrant { get; } = new();

    public QdrantChunkStore Store { get; }

    public StoreHarness WithCollections(int? denseSize)
    {
        Qdrant.On(HttpMethod.Get, QdrantUrls.Chunks, QdrantReplies.ChunksCollection(denseSize));
        Qdrant.On(HttpMethod.Get, QdrantUrls.Documents, QdrantReplies.DocumentsCollection);
        return this;
    }

    public StoreHarness WithoutCollections()
    {
        Qdrant.On(HttpMethod.Get, QdrantUrls.Chunks, QdrantReplies.CollectionMissing("ragp_chunks"));
        Qdrant.On(HttpMethod.Get, QdrantUrls.Documents, QdrantReplies.CollectionMissing("ragp_chunks_documents"));
        return this;
    }

    /// <summary>Creating collections and indexes succeeds.</summary>
    public StoreHarness AcceptingCreation()
    {
        Qdrant.On(HttpMethod.Put, QdrantUrls.Chunks, QdrantReplies.Created);
        Qdrant.On(HttpMethod.Put, QdrantUrls.Documents, QdrantReplies.Created);
        Qdrant.On(HttpMethod.Put, QdrantUrls.ChunksIndex, QdrantReplies.Completed);
        return this;
    }

    /// <summary>Every point write and delete completes.</summary>
    public StoreHarness AcceptingWrites()
    {
        Qdrant.On(HttpMethod.Put, QdrantUrls.ChunksUpsert, QdrantReplies.Completed);
        Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksDelete, QdrantReplies.Completed);
        Qdrant.On(HttpMethod.Put, QdrantUrls.DocumentsUpsert, QdrantReplies.Completed);
        Qdrant.On(HttpMethod.Post, QdrantUrls.DocumentsDelete, QdrantReplies.Completed);
        return this;
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
