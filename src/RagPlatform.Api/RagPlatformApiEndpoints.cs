using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPlatform.Api.Errors;
using RagPlatform.Api.Evaluation;
using RagPlatform.Api.Http;
using RagPlatform.Api.OpenAI;
using RagPlatform.Api.Rag;
using RagPlatform.Api.Security;
using RagPlatform.Ingestion;

namespace RagPlatform.Api;

public static class RagPlatformApiEndpoints
{
    /// <summary>The OpenAPI document is served at /openapi/ragplatform.json.</summary>
    public const string OpenApiDocumentName = "ragplatform";

    internal const string CorsPolicyName = "RagPlatform.Api";

    /// <summary>
    /// Maps the RAG API (/api), the OpenAI-compatible API (/v1), the OpenAPI document and /healthz, and adds the
    /// rate-limiter (and, when origins are configured, CORS) middleware they use — do not add those again.
    /// </summary>
    public static WebApplication MapRagPlatformApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        app.UseRateLimiter();
        var corsEnabled = options.Cors.AllowedOrigins.Count > 0;
        if (corsEnabled)
        {
            app.UseCors();
        }

        OpenAIEndpoints.Map(ApiGroup(app, "/v1", "OpenAI-compatible", ErrorShape.OpenAI, options, corsEnabled));
        var rag = ApiGroup(app, "/api", "RAG", ErrorShape.ProblemDetails, options, corsEnabled);
        AskEndpoints.Map(rag);
        DocumentEndpoints.Map(rag, app.Services.GetRequiredService<IOptions<IngestionOptions>>().Value, options);
        EvaluationEndpoints.Map(rag);

        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        return app;
    }

    private static RouteGroupBuilder ApiGroup(
        WebApplication app, string prefix, string tag, ErrorShape shape, ApiOptions options, bool corsEnabled)
    {
        var filter = new ApiRequestFilter(
            shape, app.Services.GetRequiredService<ApiKeyValidator>(), app.Services.GetRequiredService<ILogger<ApiRequestFilter>>());
        var group = app.MapGroup(prefix)
            .WithGroupName(OpenApiDocumentName)
            .WithTags(tag)
            .WithMetadata(new ErrorShapeMetadata(shape), new RequestSizeLimit(options.MaxRequestBytes))
            .AddEndpointFilter(filter)
            .RequireRateLimiting(ApiRateLimiting.PolicyName);
        return corsEnabled ? group.RequireCors(CorsPolicyName) : group;
    }
}
