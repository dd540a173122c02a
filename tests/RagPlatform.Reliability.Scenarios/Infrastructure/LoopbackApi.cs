using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPlatform.Api;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>
/// The platform and its HTTP API (AddRagPlatform + AddRagPlatformApi + MapRagPlatformApi, as the web app composes
/// them) on real Kestrel, listening on 127.0.0.1 at a free port.
/// </summary>
public sealed class LoopbackApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApi(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every endpoint the application maps, as routing sees them.</summary>
    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints =>
        _app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;

    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }

    public static async Task<LoopbackApi> StartAsync(string storePath, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(PlatformServices.Settings(storePath, settings));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRagPlatform(builder.Configuration);
        builder.Services.AddRagPlatformApi(builder.Configuration);

        var app = builder.Build();
        app.MapRagPlatformApi();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackApi(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
