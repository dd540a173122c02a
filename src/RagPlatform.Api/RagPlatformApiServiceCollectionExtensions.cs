using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagPlatform.Api.Evaluation;
using RagPlatform.Api.Http;
using RagPlatform.Api.OpenAI;
using RagPlatform.Api.Rag;
using RagPlatform.Api.Security;
using RagPlatform.Evaluation;

namespace RagPlatform.Api;

public static class RagPlatformApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the HTTP API needs besides the platform itself (call AddRagPlatform too): API keys, rate limiting,
    /// CORS, the OpenAPI document and the background evaluation queue, configured from the "Api" section. Map the
    /// endpoints with MapRagPlatformApi.
    /// </summary>
    public static IServiceCollection AddRagPlatformApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.SectionName))
            .Validate(o => o.ApiKeys.All(key => !string.IsNullOrWhiteSpace(key)), "Api:ApiKeys contains an empty key: remove it or give it a value.")
            .Validate(o => o.MaxRequestBytes > 0, "Api:MaxRequestBytes must be a positive number of bytes.")
            .Validate(o => o.MaxUploadFiles > 0, "Api:MaxUploadFiles must be at least 1.")
            .Validate(o => o.RateLimit.PermitsPerMinute >= 0, "Api:RateLimit:PermitsPerMinute must be 0 (no limit) or positive.")
            .Validate(o => o.RateLimit.QueueLimit >= 0, "Api:RateLimit:QueueLimit must be 0 or positive.")
            .Validate(o => o.Evaluation.MaxQueuedRuns > 0, "Api:Evaluation:MaxQueuedRuns must be at least 1.")
            .Validate(
                o => o.Cors.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out _)),
                "Api:Cors:AllowedOrigins must hold absolute origins such as https://course.example.org.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyValidator>();
        services.TryAddSingleton<ServedModels>();
        services.TryAddSingleton<UploadStore>();
        services.AddRagEvaluation();
        services.TryAddSingleton<EvaluationQueue>();
        services.TryAddSingleton<EvaluationDatasets>();
        services.AddHostedService<EvaluationWorker>();
        services.AddRateLimiter(ApiRateLimiting.Configure);
        services.AddCors();
        services.AddOptions<CorsOptions>()
            .Configure<IOptions<ApiOptions>>((cors, api) => cors.AddPolicy(RagPlatformApiEndpoints.CorsPolicyName, policy => policy
                .WithOrigins([.. api.Value.Cors.AllowedOrigins])
                .AllowAnyHeader()
                .AllowAnyMethod()));
        services.AddOpenApi(RagPlatformApiEndpoints.OpenApiDocumentName, options =>
            options.ShouldInclude = description => description.GroupName == RagPlatformApiEndpoints.OpenApiDocumentName);
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return services;
    }
}
