using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagPlatform.Core.Storage;

namespace RagPlatform.Api.Http;

/// <summary>/healthz reports unhealthy when the document store cannot be read.</summary>
internal sealed class StoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IChunkStore>() is not { } store)
        {
            return HealthCheckResult.Healthy("No document store is registered; only the OpenAI-compatible API is served.");
        }

        try
        {
            var documents = await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{documents.Count} documents indexed.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The document store cannot be read.", e);
        }
    }
}
