using RagPlatform.Core.Retrieval;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class SearchTests
{
    private static readonly float[] QueryVector = [0.5f, -0.25f, 1f];

    private static readonly CannedReply TwoHits = QdrantReplies.Ok($$$"""
        {"points":[
          {"id":"{{{SampleDocument.Chunk1PointId}}}","version":3,"score":0.75,"payload":{{{SampleDocument.Chunk1PayloadJson}}}},
          {"id":"{{{SampleDocument.Chunk0PointId}}}","version":3,"score":0.5,"payload":{{{SampleDocument.Chunk0PayloadJson}}}}
        ]}
        """);

    [Fact]
    public async Task Keyword_search_queries_the_sparse_vector_with_one_per_distinct_query_term()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, TwoHits);

        var hits = await harness.Store.KeywordSearchAsync("The gamma of alpha, alpha!", 5);

        // Spec: query_points, schema QueryRequest with a NearestQuery over a SparseVector and "using".
        JsonAssert.Equal(
            $$$"""
            {"query":{"nearest":{"indices":[{{{SampleDocument.Alpha}}},{{{SampleDocument.Gamma}}}],"values":[1,1]}},
             "using":"bm25","limit":5,"with_payload":true}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery));
        Assert.Equal(
            [new ScoredChunk(SampleDocument.Chunks[1], 0.75), new ScoredChunk(SampleDocument.Chunks[0], 0.5)],
            hits);
    }

    [Fact]
    public async Task A_document_filter_becomes_a_match_any_condition_on_document_id()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, TwoHits);

        await harness.Store.KeywordSearchAsync("gamma", 3, new SearchFilter(["doc-1", "doc-7"]));

        // Spec: Filter.must with a FieldCondition whose Match is MatchAny.
        JsonAssert.Equal(
            $$$"""
            {"query":{"nearest":{"indices":[{{{SampleDocument.Gamma}}}],"values":[1]}},"using":"bm25",
             "filter":{"must":[{"key":"document_id","match":{"any":["doc-1","doc-7"]}}]},"limit":3,"with_payload":true}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery));
    }

    [Fact]
    public async Task A_query_without_index_terms_or_a_filter_admitting_no_document_asks_Qdrant_nothing()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);

        Assert.Empty(await harness.Store.KeywordSearchAsync("the of", 5));
        Assert.Empty(await harness.Store.KeywordSearchAsync("gamma", 5, new SearchFilter([])));
        Assert.Empty(await harness.Store.VectorSearchAsync(QueryVector, 5, new SearchFilter([])));
        Assert.DoesNotContain(harness.Qdrant.Requests, request => request.PathAndQuery == QdrantUrls.ChunksQuery);
    }

    [Fact]
    public async Task Vector_search_queries_the_named_dense_vector()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, TwoHits);

        var hits = await harness.Store.VectorSearchAsync(QueryVector, 2);

        // Spec: query_points with a NearestQuery over a dense VectorInput (an array of floats).
        JsonAssert.Equal(
            """{"query":{"nearest":[0.5,-0.25,1]},"using":"dense","limit":2,"with_payload":true}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery));
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task Vector_search_without_stored_dense_vectors_finds_nothing()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: null);

        Assert.Empty(await harness.Store.VectorSearchAsync(QueryVector, 2));
    }

    [Fact]
    public async Task A_query_vector_of_another_size_is_refused_naming_both_sizes()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 384);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Store.VectorSearchAsync(QueryVector, 2));

        Assert.Contains("384-dimensional", error.Message);
        Assert.Contains("the query vector has 3 dimensions", error.Message);
    }

    [Fact]
    public async Task Hybrid_search_is_one_query_fusing_dense_and_sparse_prefetches_with_rrf()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, TwoHits);

        var hits = await harness.Store.HybridSearchAsync("gamma", QueryVector, 5, new SearchFilter(["doc-1"]));

        // Spec: query_points, schema QueryRequest with two Prefetch and a FusionQuery ("rrf").
        JsonAssert.Equal(
            $$$"""
            {"prefetch":[
               {"query":{"nearest":[0.5,-0.25,1]},"using":"dense",
                "filter":{"must":[{"key":"document_id","match":{"any":["doc-1"]}}]},"limit":20},
               {"query":{"nearest":{"indices":[{{{SampleDocument.Gamma}}}],"values":[1]}},"using":"bm25",
                "filter":{"must":[{"key":"document_id","match":{"any":["doc-1"]}}]},"limit":20}],
             "query":{"fusion":"rrf"},"limit":5,"with_payload":true}
            """,
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery));
        Assert.Equal([SampleDocument.Chunks[1], SampleDocument.Chunks[0]], hits.Select(hit => hit.Chunk));
    }

    [Fact]
    public async Task Hybrid_prefetches_go_deeper_than_the_result_for_large_requests()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, TwoHits);

        await harness.Store.HybridSearchAsync("gamma", QueryVector, 10);

        var request = System.Text.Json.Nodes.JsonNode.Parse(harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery))!;
        Assert.All(request["prefetch"]!.AsArray(), prefetch => Assert.Equal(40, (int)prefetch!["limit"]!));
    }

    [Fact]
    public async Task Hybrid_search_without_stored_dense_vectors_is_keyword_search()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: null);
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, TwoHits);

        await harness.Store.HybridSearchAsync("gamma", QueryVector, 5);

        JsonAssert.Equal(
            $$$"""{"query":{"nearest":{"indices":[{{{SampleDocument.Gamma}}}],"values":[1]}},"using":"bm25","limit":5,"with_payload":true}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery));
    }

    [Fact]
    public async Task Hybrid_search_for_a_query_without_index_terms_is_vector_search()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, TwoHits);

        await harness.Store.HybridSearchAsync("the of", QueryVector, 5);

        JsonAssert.Equal(
            """{"query":{"nearest":[0.5,-0.25,1]},"using":"dense","limit":5,"with_payload":true}""",
            harness.Qdrant.BodyOf(HttpMethod.Post, QdrantUrls.ChunksQuery));
    }

    [Fact]
    public async Task A_non_positive_top_is_refused()
    {
        await using var harness = new StoreHarness();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Store.KeywordSearchAsync("gamma", 0));
    }
}
