using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using RagPlatform.Api.Errors;
using RagPlatform.Api.Security;

namespace RagPlatform.Api.Http;

/// <summary>
/// Runs around every /api and /v1 endpoint: rejects requests without a valid API key, and turns failures into
/// errors of the endpoint group's shape instead of an empty 500.
/// </summary>
internal sealed class ApiRequestFilter(ErrorShape shape, ApiKeyValidator keys, ILogger<ApiRequestFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (keys.Authenticate(http.Request) is { } unauthorized)
        {
            http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return unauthorized.ToResult(shape);
        }

        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = ApiError.FromException(e);
            if (error.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(e, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
            }

            return error.ToResult(shape);
        }
    }
}
