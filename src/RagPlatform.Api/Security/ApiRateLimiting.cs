using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RagPlatform.Api.Errors;

namespace RagPlatform.Api.Security;

/// <summary>
/// The API's rate-limiter policy: a fixed one-minute window per API key, or per client IP for requests without a
/// valid key (so inventing keys does not buy extra requests).
/// </summary>
internal static class ApiRateLimiting
{
    public const string PolicyName = "RagPlatform.Api";

    public static void Configure(RateLimiterOptions options)
    {
        options.AddPolicy(PolicyName, Partition);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = OnRejectedAsync;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit;
        if (settings.PermitsPerMinute <= 0)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var key = context.RequestServices.GetRequiredService<ApiKeyValidator>().FindKey(context.Request);
        var partition = key is { } index
            ? $"key:{index}"
            : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        TimeSpan? retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        if (retryAfter is { } delay)
        {
            context.Response.Headers[HeaderNames.RetryAfter] =
                ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (ApiErrorResults.ShapeOf(context) is { } shape)
        {
            await ApiError.RateLimited(retryAfter).ToResult(shape).ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
