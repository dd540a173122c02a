using RagPlatform.Core.Storage;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class ReadTests
{
    [Fact]
    public async Task A_document_is_read_by_its_point_id_without_its_text()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(
            HttpMethod.Post,
            QdrantUrls.DocumentsRetrieve,
            QdrantReplies.Ok($$$"""[{"id":"{{{SampleDocument.DocumentPointId}}}","payload":{{{SampleDocument.DocumentPayloadJson}}}}]"""));

        var document = await harness.Store.GetDocumentAsync("doc-1");

        Assert.Equal(SampleDocument.Info, document);
        // Spec: get_points, schema PointRequest with a PayloadSelectorExclude.
        JsonAssert.Equal(
            $$$"""{"ids":["{{{SampleDocument.DocumentPointId}}}"],"with_payload":{"exclude":["text"]},"with_vector":false}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.DocumentsRetrieve));
    }

    [Fact]
    public async Task An_unknown_document_is_null()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.DocumentsRetrieve, QdrantReplies.Ok("[]"));

        Assert.Null(await harness.Store.GetDocumentAsync("doc-9"));
    }

    [Fact]
    public async Task Reads_before_the_first_write_find_nothing_instead_of_failing()
    {
        await using var harness = new StoreHarness().WithoutCollections();
        harness.Qdrant
            .On(HttpMethod.Post, QdrantUrls.DocumentsRetrieve, QdrantReplies.CollectionMissing("ragp_chunks_documents"))
            .On(HttpMethod.Post, QdrantUrls.DocumentsScroll, QdrantReplies.CollectionMissing("ragp_chunks_documents"))
            .On(HttpMethod.Post, QdrantUrls.ChunksScroll, QdrantReplies.CollectionMissing("ragp_chunks"))
            .On(HttpMethod.Post, QdrantUrls.ChunksQuery, QdrantReplies.CollectionMissing("ragp_chunks"));

        Assert.Null(await harness.Store.GetDocumentAsync("doc-1"));
        Assert.Null(await harness.Store.GetDocumentTextAsync("doc-1"));
        Assert.Null(await harness.Store.GetEmbeddingSignatureAsync());
        Assert.Empty(await harness.Store.ListDocumentsAsync());
        Assert.Empty(await harness.Store.GetChunksAsync("doc-1"));
        Assert.Empty(await harness.Store.KeywordSearchAsync("alpha", 5));
        Assert.Empty(await harness.Store.VectorSearchAsync(new[] { 1f, 0f, 0f }, 5));
    }

    [Fact]
    public async Task Document_text_is_read_alone()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(
            HttpMethod.Post,
            QdrantUrls.DocumentsRetrieve,
            QdrantReplies.Ok($$$"""[{"id":"{{{SampleDocument.DocumentPointId}}}","payload":{"text":"alpha beta alpha. gamma"}}]"""));

        Assert.Equal(SampleDocument.Text, await harness.Store.GetDocumentTextAsync("doc-1"));
        // Spec: get_points with a PayloadSelectorInclude.
        JsonAssert.Equal(
            $$$"""{"ids":["{{{SampleDocument.DocumentPointId}}}"],"with_payload":{"include":["text"]},"with_vector":false}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.DocumentsRetrieve));
    }

    [Fact]
    public async Task Chunks_are_scrolled_page_by_page_following_next_page_offset_and_ordered_by_index()
    {
        await using var harness = new StoreHarness();
        const string SecondPage = "4b5e2a8c-9d61-4f7e-8a3b-1c2d3e4f5a6b";
        harness.Qdrant.On(
            HttpMethod.Post,
            QdrantUrls.ChunksScroll,
            QdrantReplies.Ok($$$"""{"points":[{"id":"{{{SampleDocument.Chunk1PointId}}}","payload":{{{SampleDocument.Chunk1PayloadJson}}}}],"next_page_offset":"{{{SecondPage}}}"}"""),
            QdrantReplies.Ok($$$"""{"points":[{"id":"{{{SampleDocument.Chunk0PointId}}}","payload":{{{SampleDocument.Chunk0PayloadJson}}}}],"next_page_offset":null}"""));

        var chunks = await harness.Store.GetChunksAsync("doc-1");

        Assert.Equal(SampleDocument.Chunks, chunks);
        var bodies = harness.Qdrant.RequestsTo(HttpMethod.Post, QdrantUrls.ChunksScroll).Select(request => request.Body!).ToList();
        // Spec: scroll_points, schema ScrollRequest; the second page starts at the first page's next_page_offset.
        JsonAssert.Equal(
            """{"filter":{"must":[{"key":"document_id","match":{"value":"doc-1"}}]},"limit":256,"with_payload":true,"with_vector":false}""",
            bodies[0]);
        JsonAssert.Equal(
            $$$"""{"filter":{"must":[{"key":"document_id","match":{"value":"doc-1"}}]},"limit":256,"with_payload":true,"with_vector":false,"offset":"{{{SecondPage}}}"}""",
            bodies[1]);
    }

    [Fact]
    public async Task Documents_are_listed_from_the_documents_collection_without_text_and_ordered_by_path()
    {
        await using var harness = new StoreHarness();
        var other = SampleDocument.DocumentPayloadJson.Replace("doc-1", "doc-0").Replace("notes/a.md", "intro.md");
        harness.Qdrant.On(
            HttpMethod.Post,
            QdrantUrls.DocumentsScroll,
            QdrantReplies.Ok($$$"""{"points":[{"id":"{{{SampleDocument.DocumentPointId}}}","payload":{{{SampleDocument.DocumentPayloadJson}}}},{"id":"a4c1d3e2-0000-5000-8000-000000000000","payload":{{{other}}}}],"next_page_offset":null}"""));

        var documents = await harness.Store.ListDocumentsAsync();

        Assert.Equal(["intro.md", "notes/a.md"], documents.Select(document => document.SourcePath));
        Assert.Equal(SampleDocument.Info, documents[1]);
        JsonAssert.Equal(
            """{"filter":{"must":[{"key":"kind","match":{"value":"document"}}]},"limit":256,"with_payload":{"exclude":["text"]},"with_vector":false}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.DocumentsScroll));
    }

    [Fact]
    public async Task The_embedding_signature_is_a_reserved_point_in_the_documents_collection()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 384).AcceptingWrites();
        harness.Qdrant.On(
            HttpMethod.Post,
            QdrantUrls.DocumentsRetrieve,
            QdrantReplies.Ok($$$"""[{"id":"{{{SampleDocument.SignaturePointId}}}","payload":{"kind":"embedding_signature","model_id":"e5-small","dimensions":384}}]"""));

        await harness.Store.SetEmbeddingSignatureAsync(new EmbeddingSignature("e5-small", 384));
        var signature = await harness.Store.GetEmbeddingSignatureAsync();

        Assert.Equal(new EmbeddingSignature("e5-small", 384), signature);
        JsonAssert.Equal(
            $$$"""{"points":[{"id":"{{{SampleDocument.SignaturePointId}}}","vector":{},"payload":{"kind":"embedding_signature","model_id":"e5-small","dimensions":384}}]}""",
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.DocumentsUpsert));
        JsonAssert.Equal(
            $$$"""{"ids":["{{{SampleDocument.SignaturePointId}}}"],"with_payload":true,"with_vector":false}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.DocumentsRetrieve));
    }

    [Fact]
    public async Task Setting_the_signature_first_creates_the_collections_with_its_dimensions()
    {
        await using var harness = new StoreHarness().WithoutCollections().AcceptingCreation().AcceptingWrites();

        await harness.Store.SetEmbeddingSignatureAsync(new EmbeddingSignature("e5-small", 384));

        JsonAssert.Equal(
            """{"vectors":{"dense":{"size":384,"distance":"Cosine"}},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""",
            harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.Chunks));
    }
}
