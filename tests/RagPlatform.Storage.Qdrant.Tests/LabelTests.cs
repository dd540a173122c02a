using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

/// <summary>Document tags and metadata: how they are written into payloads, indexed, read back and filtered on.</summary>
public sealed class LabelTests
{
    private static readonly float[] QueryVector = [0.5f, -0.25f, 1f];

    private static readonly DocumentInfo LabelledInfo = SampleDocument.Info with
    {
        Tags = ["course:nlp", "week3"],
        Metadata = new Dictionary<string, string> { ["owner"] = "tim" },
    };

    private static readonly SearchFilter LabelFilter = new(
        DocumentIds: ["doc-1"], Tags: ["course:nlp", "week3"], Metadata: new Dictionary<string, string> { ["owner"] = "tim" });

    // Spec: Filter.must of FieldConditions; MatchValue on an array field matches when any element equals the value,
    // so one condition per tag requires all of them; a nested metadata key is addressed as "meta.owner".
    private const string LabelFilterJson = """
        {"must":[{"key":"document_id","match":{"any":["doc-1"]}},
                 {"key":"tags","match":{"value":"course:nlp"}},{"key":"tags","match":{"value":"week3"}},
                 {"key":"meta.owner","match":{"value":"tim"}}]}
        """;

    [Fact]
    public async Task Chunk_points_and_the_document_record_carry_the_tags_and_the_metadata_object()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(LabelledInfo, SampleDocument.Text, [SampleDocument.Chunks[1]], [SampleDocument.Vectors[1]]);

        var chunkPayload = System.Text.Json.Nodes.JsonNode.Parse(harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.ChunksUpsert))!["points"]![0]!["payload"]!;
        JsonAssert.Equal("""["course:nlp","week3"]""", chunkPayload["tags"]!.ToJsonString());
        JsonAssert.Equal("""{"owner":"tim"}""", chunkPayload["meta"]!.ToJsonString());
        var documentPayload = System.Text.Json.Nodes.JsonNode.Parse(harness.Qdrant.BodyOf(HttpMethod.Put, QdrantUrls.DocumentsUpsert))!["points"]![0]!["payload"]!;
        JsonAssert.Equal("""["course:nlp","week3"]""", documentPayload["tags"]!.ToJsonString());
        JsonAssert.Equal("""{"owner":"tim"}""", documentPayload["meta"]!.ToJsonString());
    }

    [Fact]
    public async Task A_new_metadata_key_gets_a_keyword_index_once()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3).AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(LabelledInfo, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);
        await harness.Store.UpsertDocumentAsync(LabelledInfo, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        // Spec: create_field_index with a nested key path.
        var index = Assert.Single(harness.Qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksIndex));
        JsonAssert.Equal("""{"field_name":"meta.owner","field_schema":"keyword"}""", index.Body!);
    }

    [Fact]
    public async Task Tags_and_metadata_are_read_back_with_the_document()
    {
        await using var harness = new StoreHarness();
        var payload = SampleDocument.DocumentPayloadJson.TrimEnd().TrimEnd('}') + ""","tags":["course:nlp","week3"],"meta":{"owner":"tim"}}""";
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.DocumentsRetrieve, QdrantReplies.Ok($$$"""[{"id":"{{{SampleDocument.DocumentPointId}}}","payload":{{{payload}}}}]"""));

        var document = await harness.Store.GetDocumentAsync("doc-1");

        Assert.Equal(LabelledInfo.Tags, document!.Tags);
        Assert.Equal(LabelledInfo.Metadata, document.Metadata);
    }

    [Fact]
    public async Task Keyword_search_sends_every_label_as_a_must_condition()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, QdrantReplies.Ok("""{"points":[]}"""));

        await harness.Store.KeywordSearchAsync("gamma", 3, LabelFilter);

        JsonAssert.Equal(
            $$$"""
            {"query":{"nearest":{"indices":[{{{SampleDocument.Gamma}}}],"values":[1]}},"using":"bm25",
             "filter":{{{LabelFilterJson}}},"limit":3,"with_payload":true}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery));
    }

    [Fact]
    public async Task Dense_search_sends_the_same_filter()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, QdrantReplies.Ok("""{"points":[]}"""));

        await harness.Store.VectorSearchAsync(QueryVector, 2, LabelFilter with { DocumentIds = null });

        JsonAssert.Equal(
            """
            {"query":{"nearest":[0.5,-0.25,1]},"using":"dense",
             "filter":{"must":[{"key":"tags","match":{"value":"course:nlp"}},{"key":"tags","match":{"value":"week3"}},
                               {"key":"meta.owner","match":{"value":"tim"}}]},
             "limit":2,"with_payload":true}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery));
    }

    [Fact]
    public async Task Both_hybrid_prefetches_carry_the_filter()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, QdrantReplies.Ok("""{"points":[]}"""));

        await harness.Store.HybridSearchAsync("gamma", QueryVector, 5, LabelFilter);

        var request = System.Text.Json.Nodes.JsonNode.Parse(harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery))!;
        Assert.All(request["prefetch"]!.AsArray(), prefetch => JsonAssert.Equal(LabelFilterJson, prefetch!["filter"]!.ToJsonString()));
    }

    [Fact]
    public async Task A_metadata_key_that_is_not_a_plain_field_name_is_refused_before_anything_is_sent()
    {
        await using var harness = new StoreHarness();
        var dotted = new Dictionary<string, string> { ["owner.name"] = "tim" };

        var write = await Assert.ThrowsAsync<ArgumentException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info with { Metadata = dotted }, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));
        var search = await Assert.ThrowsAsync<ArgumentException>(() => harness.Store.KeywordSearchAsync("gamma", 3, new SearchFilter(Metadata: dotted)));

        Assert.Contains("'owner.name'", write.Message);
        Assert.Contains("'owner.name'", search.Message);
        Assert.Empty(harness.Qdrant.Requests);
    }
}
