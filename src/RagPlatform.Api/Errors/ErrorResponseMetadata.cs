using Microsoft.AspNetCore.Builder;
using RagPlatform.Api.OpenAI;

namespace RagPlatform.Api.Errors;

/// <summary>Declares the error responses an endpoint can give, for the OpenAPI document.</summary>
internal static class ErrorResponseMetadata
{
    private static readonly int[] ErrorStatuses = [400, 401, 404, 413, 429, 500, 503];

    public static RouteHandlerBuilder ProducesOpenAIErrors(this RouteHandlerBuilder endpoint)
    {
        foreach (var status in ErrorStatuses)
        {
            endpoint.Produces<OpenAIErrorResponse>(status, "application/json");
        }

        return endpoint;
    }

    public static RouteHandlerBuilder ProducesRagProblems(this RouteHandlerBuilder endpoint)
    {
        foreach (var status in ErrorStatuses)
        {
            endpoint.ProducesProblem(status);
        }

        return endpoint;
    }
}
