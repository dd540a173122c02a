using System.Net;
using System.Net.Sockets;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task A_401_with_its_plain_text_body_says_how_to_set_the_api_key()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(
            HttpMethod.Post,
            QdrantUrls.DocumentsScroll,
            new CannedReply(HttpStatusCode.Unauthorized, "Must provide an API key or an Authorization bearer token", "text/plain"));

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.ListDocumentsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.StartsWith("Qdrant rejected the API key", error.Message);
        Assert.Contains("Must provide an API key", error.Message);
        Assert.Contains("set Store:Qdrant:ApiKey / QDRANT__SERVICE__API_KEY", error.Message);
    }

    [Fact]
    public async Task A_404_on_a_write_passes_on_Qdrants_message()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Put, QdrantUrls.ChunksUpsert, QdrantReplies.CollectionMissing("ragp_chunks"));

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("Collection `ragp_chunks` doesn't exist!", error.Message);
        Assert.Contains("PUT /collections/ragp_chunks/points?wait=true", error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.UnprocessableEntity, "Wrong input: Vector dimension error: expected dim: 3, got 4")]
    [InlineData(HttpStatusCode.BadRequest, "Format error in JSON body: missing field `points`")]
    public async Task A_rejected_request_passes_on_Qdrants_status_error(HttpStatusCode status, string message)
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Put, QdrantUrls.ChunksUpsert, QdrantReplies.Error(status, message));

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));

        Assert.Equal(status, error.StatusCode);
        Assert.EndsWith(message, error.Message);
        Assert.Contains($"({(int)status} {status})", error.Message);
    }

    [Fact]
    public async Task A_409_outside_collection_creation_is_an_error()
    {
        await using var harness = new StoreHarness().WithCollections(denseSize: 3);
        harness.Qdrant.On(HttpMethod.Put, QdrantUrls.ChunksUpsert, QdrantReplies.Error(HttpStatusCode.Conflict, "Conflict"));

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.UpsertDocumentAsync(
            SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Contains("conflict", error.Message);
    }

    [Fact]
    public async Task A_server_error_with_an_empty_body_still_names_the_request()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, new CannedReply(HttpStatusCode.InternalServerError, ""));

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.KeywordSearchAsync("gamma", 5));

        Assert.Equal("Qdrant failed POST /collections/ragp_chunks/points/query (500 InternalServerError): no details given", error.Message);
    }

    [Fact]
    public async Task A_refused_connection_says_how_to_start_Qdrant()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.Fail(
            HttpMethod.Post,
            QdrantUrls.ChunksQuery,
            new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (localhost:6333)", new SocketException((int)SocketError.ConnectionRefused)));

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.KeywordSearchAsync("gamma", 5));

        Assert.Null(error.StatusCode);
        Assert.StartsWith("Qdrant is not reachable at http://localhost:6333/; start it with `docker compose up qdrant`", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_success_answer_without_a_result_is_an_error()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, new CannedReply(HttpStatusCode.OK, """{"status":"ok","time":0.1}"""));

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Store.KeywordSearchAsync("gamma", 5));

        Assert.Contains("without a result", error.Message);
    }

    [Fact]
    public async Task The_api_key_is_sent_in_the_api_key_header_on_every_request()
    {
        await using var harness = new StoreHarness(options => options.ApiKey = "s3cret").WithoutCollections().AcceptingCreation().AcceptingWrites();

        await harness.Store.UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors);

        Assert.All(harness.Qdrant.Requests, request => Assert.Equal("s3cret", request.ApiKey));
    }

    [Fact]
    public async Task Without_an_api_key_no_header_is_sent()
    {
        await using var harness = new StoreHarness();
        harness.Qdrant.On(HttpMethod.Post, QdrantUrls.ChunksQuery, QdrantReplies.Ok("""{"points":[]}"""));

        await harness.Store.KeywordSearchAsync("gamma", 5);

        Assert.Null(Assert.Single(harness.Qdrant.Requests).ApiKey);
    }

    [Fact]
    public async Task An_endpoint_with_a_path_prefix_keeps_it()
    {
        await using var harness = new StoreHarness(options => options.Endpoint = new Uri("https://proxy.example/qdrant"));
        harness.Qdrant.On(HttpMethod.Post, "/qdrant/collections/ragp_chunks/points/query", QdrantReplies.Ok("""{"points":[]}"""));

        Assert.Empty(await harness.Store.KeywordSearchAsync("gamma", 5));
    }
}
