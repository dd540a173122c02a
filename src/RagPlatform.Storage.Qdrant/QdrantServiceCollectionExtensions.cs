using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Storage;

namespace RagPlatform.Storage.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    internal const string HttpClientName = "RagPlatform.Storage.Qdrant";

    // Head room in the total timeout for the waits between retries (exponential backoff with jitter).
    private static readonly TimeSpan RetryBackoffAllowance = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers <see cref="QdrantChunkStore"/> as the singleton <see cref="IChunkStore"/> (replacing an earlier one),
    /// over an HttpClient with the standard resilience handler: retries with jittered exponential backoff on 5xx,
    /// 408, 429 and connection failures, never on other 4xx; <see cref="QdrantStoreOptions.Timeout"/> bounds each
    /// attempt. Requires an <see cref="RagPlatform.Core.Text.ITextAnalyzer"/> registration. Every Qdrant write the store makes is
    /// idempotent, so retrying POST and PUT is safe.
    /// </summary>
    /// <param name="configure">Sets options in code; null leaves them to configuration binding.</param>
    public static IServiceCollection AddQdrantChunkStore(this IServiceCollection services, Action<QdrantStoreOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<QdrantStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpClient(HttpClientName)
            // The resilience pipeline owns the timeouts, per attempt and in total.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The singleton store keeps its HttpClient, so pooled connections are recycled (picking up DNS changes)
            // by the handler instead of by the factory's handler rotation.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
                ApplyTimeout(resilience, provider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value.Timeout));

        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<QdrantChunkStore>(
            provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton<IChunkStore>(provider => provider.GetRequiredService<QdrantChunkStore>());
        return services;
    }

    private static void ApplyTimeout(HttpStandardResilienceOptions resilience, TimeSpan attemptTimeout)
    {
        resilience.AttemptTimeout.Timeout = attemptTimeout;
        resilience.TotalRequestTimeout.Timeout = attemptTimeout * (resilience.Retry.MaxRetryAttempts + 1) + RetryBackoffAllowance;
        // The circuit breaker's sampling window must cover at least two attempts.
        if (resilience.CircuitBreaker.SamplingDuration < attemptTimeout * 2)
        {
            resilience.CircuitBreaker.SamplingDuration = attemptTimeout * 2;
        }
    }
}
