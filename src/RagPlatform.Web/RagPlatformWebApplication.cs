using RagPlatform.Api;
using RagPlatform.Ingestion;
using RagPlatform.Rag.Hosting;
using RagPlatform.Web.Components;
using RagPlatform.Web.Hosting;

namespace RagPlatform.Web;

/// <summary>
/// Composes the web front end: the same configuration as the CLI (appsettings.json, ragp.json in the working
/// directory, RAGP_ environment variables, command-line arguments, in rising priority), the platform services, the
/// HTTP API (/api, /v1, /healthz) and Blazor with interactive server rendering.
/// </summary>
public static class RagPlatformWebApplication
{
    public const string EnvironmentVariablePrefix = "RAGP_";

    /// <summary>Where the app listens unless told otherwise: loopback only, so nothing is exposed by accident.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Room for multipart framing around the largest allowed document.</summary>
    private const long RequestBodyOverheadBytes = 1024 * 1024;

    /// <param name="configure">Last changes before the application is built, such as replacing services in tests.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(RagPlatformWebApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "ragp.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentVariablePrefix)
            .AddCommandLine(args);

        // Any explicit address wins: --urls, ASPNETCORE_URLS, RAGP_URLS, a "Urls" setting, or the HTTP(S)_PORTS that container images set.
        if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrWhiteSpace(builder.Configuration[key])))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddRagPlatform(builder.Configuration);
        builder.Services.AddRagPlatformApi(builder.Configuration);
        builder.Services.AddRagPlatformWeb();
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment());

        var maxFileBytes = builder.Configuration.GetValue($"{IngestionOptions.SectionName}:{nameof(IngestionOptions.MaxFileBytes)}", IngestionOptions.DefaultMaxFileBytes);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxFileBytes + RequestBodyOverheadBytes;
        });

        configure?.Invoke(builder);

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRagPlatformApi();
        app.MapEvaluationReports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
