using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Rag.Tests;

/// <summary>The platform composed exactly as the front ends compose it, over a store in a temporary folder.</summary>
internal sealed class TestPlatform : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestPlatform(string root, ServiceProvider services)
    {
        Root = root;
        _services = services;
    }

    public string Root { get; }

    public string DocumentsPath => Path.Combine(Root, "docs");

    /// <param name="configureServices">Registrations made before the platform's, which take precedence over its defaults.</param>
    public static TestPlatform Create(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "ragp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Path"] = Path.Combine(root, "store"),
                ["Store:IngestSampleCorpusWhenEmpty"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        configureServices?.Invoke(services);
        var provider = services
            .AddRagPlatform(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new TestPlatform(root, provider);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public string WriteDocument(string relativePath, string content)
    {
        var path = Path.Combine(DocumentsPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; the test result does not depend on it.
        }
    }
}
