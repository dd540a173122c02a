using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>The platform composed in-process the way every front end composes it, over a store in <paramref name="storePath"/>.</summary>
public static class PlatformServices
{
    /// <param name="settings">Settings over the defaults (Store:Path is set, the sample corpus is never seeded).</param>
    /// <param name="configure">Last changes, such as replacing the chat model with a recording one.</param>
    public static ServiceProvider Build(string storePath, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(storePath, settings))
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddRagPlatform(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    public static Dictionary<string, string?> Settings(string storePath, IReadOnlyDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Store:Path"] = storePath,
            ["Store:IngestSampleCorpusWhenEmpty"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>Disposes the services and releases pooled SQLite connections so the store folder can be deleted.</summary>
    public static async ValueTask ShutDownAsync(this ServiceProvider services)
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
