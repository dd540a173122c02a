using RagPlatform.Core.Documents;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class UpsertTests
{
    [Fact]
    public async Task Chunks_are_upserted_as_points_with_deterministic_ids_named_vectors_and_the_chunk_as_payload()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        // Spec: upsert_points, schema PointsList of PointStruct; VectorStruct as named vectors, "bm25" a SparseVector
        // (indices = FNV-1a of the terms, ascending; values = term frequency).
        JsonAssert.Equal(
            $$$"""
            {"points":[
              {"id":"{{{SampleDocument.Chunk0PointId}}}",
               "vector":{"dense":[0.5,0.25,-1],"bm25":{"indices":[{{{SampleDocument.Alpha}}},{{{SampleDocument.Beta}}}],"values":[2,1]}},
               "payload":{{{SampleDocument.Chunk0PayloadJson}}}},
              {"id":"{{{SampleDocument.Chunk1PointId}}}",
               "vector":{"dense":[1,0,0.125],"bm25":{"indices":[{{{SampleDocument.Gamma}}}],"values":[1]}},
               "payload":{{{SampleDocument.Chunk1PayloadJson}}}}
            ]}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.ChunksUpsert));
    }

    [Fact]
    public async Task Without_vectors_points_carry_only_the_sparse_vector()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, [SampleDocument.Chunks[0]], vectors: null);

        JsonAssert.Equal(
            $$$"""
            {"points":[{"id":"{{{SampleDocument.Chunk0PointId}}}",
                        "vector":{"bm25":{"indices":[{{{SampleDocument.Alpha}}},{{{SampleDocument.Beta}}}],"values":[2,1]}},
                        "payload":{{{SampleDocument.Chunk0PayloadJson}}}}]}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.ChunksUpsert));
    }

    [Fact]
    public async Task Stale_chunks_of_the_document_are_deleted_by_filter_keeping_the_new_points()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        // Spec: delete_points, schema FilterSelector; Filter with a FieldCondition (MatchValue) and a HasIdCondition.
        JsonAssert.Equal(
            $$$"""
            {"filter":{"must":[{"key":"document_id","match":{"value":"doc-1"}}],
                       "must_not":[{"has_id":["{{{SampleDocument.Chunk0PointId}}}","{{{SampleDocument.Chunk1PointId}}}"]}]}}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksDelete));
    }

    [Fact]
    public async Task A_document_without_chunks_deletes_all_of_its_old_chunks()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info with { ChunkCount = 0 }, "", [], vectors: null);

        Assert.Empty(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksUpsert));
        JsonAssert.Equal(
            """{"filter":{"must":[{"key":"document_id","match":{"value":"doc-1"}}]}}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksDelete));
    }

    [Fact]
    public async Task The_document_record_with_its_full_text_is_written_last()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        Assert.Equal(QdrantUrls.DocumentsUpsert, harness.Qdrant.Requests[^1].PathAndQuery);
        // Spec: upsert_points on the documents collection; a point without vectors has an empty VectorStruct map.
        JsonAssert.Equal(
            $$$"""
            {"points":[{"id":"{{{SampleDocument.DocumentPointId}}}","vector":{},
              "payload":{"kind":"document","document_id":"doc-1","source_path":"notes/a.md","title":"Notes A","format":"md",
                         "content_hash":"abc123","size_bytes":42,"language":"en","ingested_at":"2026-01-02T03:04:05+00:00",
                         "chunk_count":2,"text":"alpha beta alpha. gamma"}}]}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.DocumentsUpsert));
    }

    [Fact]
    public async Task Many_chunks_are_sent_in_batches_of_64()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingWrites();
        var chunks = Enumerable.Range(0, 130)
            .Select(index => new Chunk(Chunk.CreateId("doc-1", index), "doc-1", index, $"word{index}", "notes/a.md", "Notes A", "", null, 0, 1, 1))
            .ToList();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info with { ChunkCount = 130 }, SampleDocument.Text, chunks, vectors: null);

        var batchSizes = harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksUpsert)
            .Select(request => System.Text.Json.Nodes.JsonNode.Parse(request.Body!)!["points"]!.AsArray().Count);
        Assert.Equal([64, 64, 2], batchSizes);
    }

    [Theory]
    [InlineData("acknowledged")]
    [InlineData("wait_timeout")]
    public async Task A_write_Qdrant_does_not_report_completed_fails_and_the_document_record_is_not_written(string status)
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Put, QdrantUrls.ChunksUpsert, QdrantReplies.UpdateStatus(status));

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));

        Assert.Contains($"status is '{status}' instead of 'completed'", error.Message);
        Assert.Empty(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.DocumentsUpsert));
    }

    [Fact]
    public async Task Retrying_an_upsert_rewrites_the_same_point_ids()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant
            .On(HttpMethod.Put, QdrantUrls.ChunksUpsert, QdrantReplies.Completed)
            .On(HttpMethod.Post, QdrantUrls.ChunksDelete, QdrantReplies.UpdateStatus("wait_timeout"), QdrantReplies.Completed)
            .On(HttpMethod.Put, QdrantUrls.DocumentsUpsert, QdrantReplies.Completed);

        await Assert.ThrowsAsync<QdrantException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));
        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        var upserts = harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksUpsert);
        Assert.Equal(2, upserts.Count);
        Assert.Equal(upserts[0].Body, upserts[1].Body);
    }

    [Fact]
    public async Task One_vector_per_chunk_is_required()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors.Take(1).ToList()));

        Assert.Equal("vectors", error.ParamName);
        Assert.Contains("2 chunks but 1 vectors", error.Message);
        Assert.Empty(harness.Qdrant.Requests);
    }

    [Fact]
    public async Task Vectors_of_unequal_length_are_refused()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, [new[] { 1f, 0f, 0f }, new[] { 1f, 0f }]));

        Assert.Equal("vectors", error.ParamName);
    }

    [Fact]
    public async Task A_chunk_of_another_document_is_refused()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        var foreign = SampleDocument.Chunks[0] with { Id = "doc-2:0", DocumentId = "doc-2" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, [foreign], vectors: null));

        Assert.Contains("'doc-2:0' belongs to document 'doc-2'", error.Message);
    }

    [Fact]
    public async Task Two_chunks_with_one_index_are_refused_because_they_would_share_a_point()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, [SampleDocument.Chunks[0], SampleDocument.Chunks[0]], vectors: null));

        Assert.Contains("two chunks with index 0", error.Message);
    }

    [Fact]
    public async Task Vectors_that_disagree_with_the_configured_dimensions_are_refused()
    {
        await using var harness = new StoreHarness(options => options.VectorDimensions = 768).WithCollections(denseSize: 768);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));

        Assert.Contains("VectorDimensions is 768", error.Message);
        Assert.Contains("3-dimensional", error.Message);
    }
}
