using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class RemoveTests
{
    private const string DocumentFilter = """{"must":[{"key":"document_id","match":{"value":"doc-1"}}]}""";

    [Fact]
    public async Task Removing_deletes_the_documents_chunks_by_filter_then_its_record()
    {
        await using var harness = new StoreHarness().AcceptingWrites();
        harness.Qdrant
            .On(HttpMethod.Post, QdrantUrls.DocumentsRetrieve, QdrantReplies.Ok($$$"""[{"id":"{{{SampleDocument.DocumentPointId}}}","payload":{{{SampleDocument.DocumentPayloadJson}}}}]"""))
            .On(HttpMethod.Post, QdrantUrls.ChunksCount, QdrantReplies.Ok("""{"count":2}"""));

        Assert.True(await harness.Store.RemoveDocumentAsync("doc-1"));

        // Spec: count_points (CountRequest), delete_points with a FilterSelector, then a PointIdsList.
        JsonAssert.Equal($$$"""{"filter":{{{DocumentFilter}}},"exact":true}""", harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksCount));
        JsonAssert.Equal($$$"""{"filter":{{{DocumentFilter}}}}""", harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksDelete));
        JsonAssert.Equal(
            $$$"""{"points":["{{{SampleDocument.DocumentPointId}}}"]}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.DocumentsDelete));
        Assert.Equal(QdrantUrls.DocumentsDelete, harness.Qdrant.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task Chunks_left_without_a_record_by_a_failed_write_are_removed_too()
    {
        await using var harness = new StoreHarness().AcceptingWrites();
        harness.Qdrant
            .On(HttpMethod.Post, QdrantUrls.DocumentsRetrieve, QdrantReplies.Ok("[]"))
            .On(HttpMethod.Post, QdrantUrls.ChunksCount, QdrantReplies.Ok("""{"count":5}"""));

        Assert.True(await harness.Store.RemoveDocumentAsync("doc-1"));
        Assert.Single(harness.Qdrant.RequestsTo(HttpMethod.Post, QdrantUrls.ChunksDelete));
    }

    [Fact]
    public async Task Removing_an_unknown_document_returns_false_and_deletes_nothing()
    {
        await using var harness = new StoreHarness().AcceptingWrites();
        harness.Qdrant
            .On(HttpMethod.Post, QdrantUrls.DocumentsRetrieve, QdrantReplies.Ok("[]"))
            .On(HttpMethod.Post, QdrantUrls.ChunksCount, QdrantReplies.Ok("""{"count":0}"""));

        Assert.False(await harness.Store.RemoveDocumentAsync("doc-1"));
        Assert.DoesNotContain(harness.Qdrant.Requests, request => request.PathAndQuery.Contains("/delete"));
    }

    [Fact]
    public async Task Removing_from_a_store_never_written_returns_false()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant
            .On(HttpMethod.Post, QdrantUrls.DocumentsRetrieve, QdrantReplies.CollectionMissing("ragp_chunks_documents"))
            .On(HttpMethod.Post, QdrantUrls.ChunksCount, QdrantReplies.CollectionMissing("ragp_chunks"));

        Assert.False(await harness.Store.RemoveDocumentAsync("doc-1"));
    }
}
