using System.Net;
using RagPlatform.Core.Storage;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class CollectionSetupTests
{
    [Fact]
    public async Task First_write_creates_both_collections_and_the_payload_indexes_before_writing_points()
    {
        await using var harness = new StoreHarness().WithoutCollections().AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        Assert.Equal(
            [
                "GET /collections/ragp_chunks",
                "PUT /collections/ragp_chunks",
                "PUT /collections/ragp_chunks/index?wait=true",
                "PUT /collections/ragp_chunks/index?wait=true",
                "PUT /collections/ragp_chunks/index?wait=true",
                "PUT /collections/ragp_chunks/index?wait=true",
                "GET /collections/ragp_chunks_documents",
                "PUT /collections/ragp_chunks_documents",
                "PUT /collections/ragp_chunks/points?wait=true",
                "POST /collections/ragp_chunks/points/delete?wait=true",
                "PUT /collections/ragp_chunks_documents/points?wait=true",
            ],
            harness.Qdrant.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task Chunks_collection_has_a_named_cosine_dense_vector_sized_by_the_first_vectors_and_a_named_sparse_idf_vector()
    {
        await using var harness = new StoreHarness().WithoutCollections().AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        // Spec: create_collection, schema CreateCollection (VectorsConfig as a map of VectorParams; sparse_vectors
        // a map of SparseVectorParams with Modifier "idf").
        JsonAssert.Equal(
            """
            {"vectors":{"dense":{"size":3,"distance":"Cosine"}},
             "sparse_vectors":{"bm25":{"modifier":"idf"}}}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.Chunks));
    }

    [Fact]
    public async Task Documents_collection_has_no_vectors()
    {
        await using var harness = new StoreHarness().WithoutCollections().AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        // Spec: create_collection, schema CreateCollection with an empty VectorsConfig map.
        JsonAssert.Equal("""{"vectors":{}}""", harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.Documents));
    }

    [Fact]
    public async Task Payload_indexes_are_keyword_indexes_on_document_id_source_path_language_and_tags()
    {
        await using var harness = new StoreHarness().WithoutCollections().AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        // Spec: create_field_index, schema CreateFieldIndex with PayloadSchemaType "keyword".
        var bodies = harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksIndex).Select(request => request.Body!).ToList();
        Assert.Equal(4, bodies.Count);
        JsonAssert.Equal("""{"field_name":"document_id","field_schema":"keyword"}""", bodies[0]);
        JsonAssert.Equal("""{"field_name":"source_path","field_schema":"keyword"}""", bodies[1]);
        JsonAssert.Equal("""{"field_name":"language","field_schema":"keyword"}""", bodies[2]);
        JsonAssert.Equal("""{"field_name":"tags","field_schema":"keyword"}""", bodies[3]);
    }

    [Fact]
    public async Task Without_vectors_the_size_comes_from_the_options()
    {
        await using var harness = new StoreHarness(options => options.VectorDimensions = 384)
            .WithoutCollections().AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, vectors: null);

        JsonAssert.Equal(
            """{"vectors":{"dense":{"size":384,"distance":"Cosine"}},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""",
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.Chunks));
    }

    [Fact]
    public async Task Without_vectors_or_configured_size_the_chunks_collection_gets_only_the_sparse_vector()
    {
        await using var harness = new StoreHarness().WithoutCollections().AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, vectors: null);

        JsonAssert.Equal(
            """{"vectors":{},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""",
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.Chunks));
    }

    [Fact]
    public async Task Vectors_for_a_collection_created_without_dense_vectors_add_the_named_dense_vector()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: null).AcceptingWrites();
        harness.Qdrant.On(HttpMethod.Put, QdrantUrls.ChunksDenseVector, QdrantReplies.Completed);

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        // Spec: create_vector_name, schema DenseVectorNameConfig.
        JsonAssert.Equal(
            """{"dense":{"size":3,"distance":"Cosine"}}""",
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.ChunksDenseVector));
    }

    [Fact]
    public async Task Existing_collections_are_reused_and_described_only_once()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);
        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        Assert.Single(harness.Qdrant.RequestsTo(HttpMethod.Get, QdrantUrls.Chunks));
        Assert.Single(harness.Qdrant.RequestsTo(HttpMethod.Get, QdrantUrls.Documents));
        Assert.Empty(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.Chunks));
        Assert.Empty(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksIndex));
    }

    [Fact]
    public async Task A_collection_created_beforehand_without_payload_indexes_gets_them_on_the_first_write()
    {
        await using var harness = new StoreHarness().AcceptingCreation().AcceptingWrites();
        harness.Qdrant
            .On(HttpMethod.Get, QdrantUrls.Chunks, QdrantReplies.ChunksCollection(3, indexed: false))
            .On(HttpMethod.Get, QdrantUrls.Documents, QdrantReplies.DocumentsCollection);

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);
        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        Assert.Equal(4, harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksIndex).Count);
        Assert.Empty(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.Chunks));
    }

    [Fact]
    public async Task A_conflict_on_create_means_another_writer_created_it_and_its_shape_is_read_back()
    {
        await using var harness = new StoreHarness().AcceptingWrites();
        harness.Qdrant
            .On(HttpMethod.Get, QdrantUrls.Chunks, QdrantReplies.CollectionMissing("ragp_chunks"), QdrantReplies.ChunksCollection(3))
            .On(HttpMethod.Put, QdrantUrls.Chunks, QdrantReplies.Error(HttpStatusCode.Conflict, "Wrong input: Collection `ragp_chunks` already exists!"))
            .On(HttpMethod.Get, QdrantUrls.Documents, QdrantReplies.CollectionMissing("ragp_chunks_documents"))
            .On(HttpMethod.Put, QdrantUrls.Documents, QdrantReplies.Error(HttpStatusCode.Conflict, "Wrong input: Collection `ragp_chunks_documents` already exists!"));

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        Assert.Equal(2, harness.Qdrant.RequestsTo(HttpMethod.Get, QdrantUrls.Chunks).Count);
        Assert.Empty(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksIndex));
        Assert.Single(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.DocumentsUpsert));
    }

    [Fact]
    public async Task Vectors_of_another_size_than_the_collection_are_refused_naming_both_sizes_and_the_fix()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 384).AcceptingWrites();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));

        Assert.Contains("'ragp_chunks' stores 384-dimensional", error.Message);
        Assert.Contains("has 3 dimensions", error.Message);
        Assert.Contains("Store:Qdrant:CollectionName", error.Message);
        Assert.DoesNotContain(harness.Qdrant.Requests, request => request.Method != HttpMethod.Get);
    }

    [Fact]
    public async Task An_embedding_signature_of_another_size_than_the_collection_is_refused()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 384).AcceptingWrites();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => harness.Store.SetEmbeddingSignatureAsync(new EmbeddingSignature("e5-small", 768)));

        Assert.Contains("384", error.Message);
        Assert.Contains("768", error.Message);
    }

    [Fact]
    public async Task A_collection_not_made_by_RagPlatform_is_refused_with_the_setting_to_change()
    {
        await using var harness = new StoreHarness().AcceptingWrites();
        harness.Qdrant.On(HttpMethod.Get, QdrantUrls.Chunks, QdrantReplies.Ok("""
            {"status":"green","optimizer_status":"ok","segments_count":1,"payload_schema":{},
             "config":{"params":{"vectors":{"size":4,"distance":"Dot"}},"hnsw_config":{},"optimizer_config":{}}}
            """));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));

        Assert.Contains("not created by RagPlatform", error.Message);
        Assert.Contains("Store:Qdrant:CollectionName", error.Message);
    }

    [Fact]
    public async Task A_collection_deleted_behind_the_stores_back_is_created_again_on_the_next_write()
    {
        await using var harness = new StoreHarness().AcceptingCreation();
        harness.Qdrant
            .On(HttpMethod.Get, QdrantUrls.Chunks, QdrantReplies.ChunksCollection(3), QdrantReplies.CollectionMissing("ragp_chunks"))
            .On(HttpMethod.Get, QdrantUrls.Documents, QdrantReplies.DocumentsCollection)
            .On(HttpMethod.Put, QdrantUrls.ChunksUpsert, QdrantReplies.CollectionMissing("ragp_chunks"), QdrantReplies.Completed)
            .On(HttpMethod.Post, QdrantUrls.ChunksDelete, QdrantReplies.Completed)
            .On(HttpMethod.Put, QdrantUrls.DocumentsUpsert, QdrantReplies.Completed);

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));
        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Single(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.Chunks));
        Assert.Single(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.DocumentsUpsert));
    }
}
