using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Core.Text;

namespace RagPlatform.Storage.Qdrant.Tests.Support;

/// <summary>
/// A <see cref="QdrantChunkStore"/> on the real Qdrant at QDRANT_URL (with QDRANT_API_KEY when set), in collections
/// of its own that disposing deletes.
/// </summary>
internal sealed class LiveQdrant : IAsyncDisposable
{
    private const string ApiKeyVariable = "QDRANT_API_KEY";

    private readonly ServiceProvider _provider;
    private readonly Uri _endpoint;
    private readonly string _collection = $"ragp_contract_{Guid.NewGuid():N}";

    private LiveQdrant(string url)
    {
        _endpoint = new Uri(url.TrimEnd('/') + "/");
        var services = new ServiceCollection();
        services.AddSingleton<ITextAnalyzer>(WordAnalyzer.Instance);
        services.AddQdrantChunkStore(options =>
        {
            options.Endpoint = _endpoint;
            options.ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable);
            options.CollectionName = _collection;
        });
        _provider = services.BuildServiceProvider();
    }

    public QdrantChunkStore Store => _provider.GetRequiredService<QdrantChunkStore>();

    /// <returns>Null when QDRANT_URL is not set.</returns>
    public static LiveQdrant? TryConnect() =>
        Environment.GetEnvironmentVariable(QdrantFactAttribute.UrlVariable) is { Length: > 0 } url ? new LiveQdrant(url) : null;

    public async ValueTask DisposeAsync()
    {
        var http = _provider.GetRequiredService<IHttpClientFactory>().CreateClient(QdrantServiceCollectionExtensions.HttpClientName);
        foreach (var collection in new[] { _collection, $"{_collection}_documents" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(_endpoint, $"collections/{collection}"));
            if (Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } apiKey)
            {
                request.Headers.Add("api-key", apiKey);
            }

            (await http.SendAsync(request)).Dispose();
        }

        await _provider.DisposeAsync();
    }
}
