using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using RagPlatform.Core.Storage;
using RagPlatform.Core.Text;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

/// <summary>The store as AddQdrantChunkStore registers it: the standard resilience handler over the fake server.</summary>
public sealed class ResilienceTests
{
    private static readonly CannedReply NoHits = QdrantReplies.Ok("""{"points":[]}""");

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task A_transient_status_is_retried_until_success(HttpStatusCode transient)
    {
        var qdrant = new FakeQdrant().On(
            HttpMethod.Post, QdrantUrls.ChunksQuery, QdrantReplies.Error(transient, "try later"), NoHits);
        await using var provider = BuildProvider(qdrant);

        var hits = await provider.GetRequiredService<IChunkStore>().KeywordSearchAsync("gamma", 5);

        Assert.Empty(hits);
        Assert.Equal(2, qdrant.Requests.Count);
    }

    [Fact]
    public async Task A_connection_failure_is_retried()
    {
        var qdrant = new FakeQdrant()
            .Fail(HttpMethod.Post, QdrantUrls.ChunksQuery, new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)))
            .On(HttpMethod.Post, QdrantUrls.ChunksQuery, NoHits);
        await using var provider = BuildProvider(qdrant);

        await provider.GetRequiredService<IChunkStore>().KeywordSearchAsync("gamma", 5);

        Assert.Equal(2, qdrant.Requests.Count);
    }

    [Fact]
    public async Task Retries_give_up_after_three_and_the_last_error_is_reported()
    {
        var qdrant = new FakeQdrant().On(
            HttpMethod.Post, QdrantUrls.ChunksQuery, QdrantReplies.Error(HttpStatusCode.ServiceUnavailable, "Service is overloaded"));
        await using var provider = BuildProvider(qdrant);

        var error = await Assert.ThrowsAsync<QdrantException>(
            () => provider.GetRequiredService<IChunkStore>().KeywordSearchAsync("gamma", 5));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("Service is overloaded", error.Message);
        Assert.Equal(4, qdrant.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task A_client_error_is_not_retried(HttpStatusCode status)
    {
        var qdrant = new FakeQdrant().On(HttpMethod.Put, QdrantUrls.ChunksUpsert, QdrantReplies.Error(status, "no"));
        qdrant.On(HttpMethod.Get, QdrantUrls.Chunks, QdrantReplies.ChunksCollection(3))
            .On(HttpMethod.Get, QdrantUrls.Documents, QdrantReplies.DocumentsCollection);
        await using var provider = BuildProvider(qdrant);

        var error = await Assert.ThrowsAsync<QdrantException>(() => provider.GetRequiredService<IChunkStore>()
            .UpsertDocumentAsync(SampleDocument.Info, SampleDocument.Text, SampleDocument.Chunks, SampleDocument.Vectors));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(qdrant.RequestsTo(HttpMethod.Put, QdrantUrls.ChunksUpsert));
    }

    [Fact]
    public async Task The_registered_chunk_store_is_one_QdrantChunkStore_configured_from_the_options()
    {
        var qdrant = new FakeQdrant().On(HttpMethod.Post, "/collections/course/points/query", NoHits);
        await using var provider = BuildProvider(qdrant, options =>
        {
            options.CollectionName = "course";
            options.ApiKey = "k";
        });

        var store = provider.GetRequiredService<IChunkStore>();
        await store.KeywordSearchAsync("gamma", 5);

        Assert.Same(provider.GetRequiredService<QdrantChunkStore>(), store);
        Assert.Equal("k", Assert.Single(qdrant.Requests).ApiKey);
    }

    private static ServiceProvider BuildProvider(FakeQdrant qdrant, Action<QdrantStoreOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITextAnalyzer>(WordAnalyzer.Instance);
        services.AddQdrantChunkStore(configure);
        services.AddHttpClient(QdrantServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => qdrant);
        // Keep the test fast: the backoff between attempts is what production waits for, not what is tested here.
        services.PostConfigureAll<HttpStandardResilienceOptions>(resilience =>
        {
            resilience.Retry.Delay = TimeSpan.Zero;
            resilience.Retry.UseJitter = false;
        });
        return services.BuildServiceProvider();
    }
}
