namespace RagPlatform.Web.Hosting;

/// <summary>
/// Browser-side defences for every response: scripts only from this origin (answers and documents are untrusted
/// text), no framing by other sites, no MIME sniffing and no referrer leaking to linked sites. A response that sets
/// its own Content-Security-Policy keeps it. Blazor's default frame-ancestors header is switched off in favour of
/// this one, which includes it.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
