using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Core.Answers;
using RagPlatform.Rag.Hosting;
using RagPlatform.Web.Hosting;

namespace RagPlatform.Web.Tests.Support;

/// <summary>
/// A bUnit context with the platform and the web services composed as the application composes them, over a store
/// in a temporary folder (no sample corpus), so components run against the real store, ingestion and web.db.
/// </summary>
internal sealed class WebTestContext : IAsyncDisposable
{
    public WebTestContext(IDictionary<string, string?>? settings = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "ragp-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Path"] = StorePath,
                ["Store:IngestSampleCorpusWhenEmpty"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        Bunit.Services.AddSingleton<IHostApplicationLifetime>(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));
        Bunit.Services.AddRagPlatform(configuration);
        Bunit.Services.AddRagPlatformWeb();
    }

    public BunitContext Bunit { get; } = new();

    public string Root { get; }

    public string StorePath => Path.Combine(Root, "store");

    /// <summary>Answers with <paramref name="answerer"/> instead of the platform's answerer.</summary>
    public void UseAnswerer(IQuestionAnswerer answerer) => Bunit.Services.Replace(ServiceDescriptor.Singleton(answerer));

    public T Get<T>() where T : notnull => Bunit.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file the OS still holds is left to the temp cleaner; no result depends on it.
        }
    }
}
