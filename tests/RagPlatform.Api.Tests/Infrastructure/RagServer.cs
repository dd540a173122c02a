using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Rag.Hosting;
using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Api.Tests.Infrastructure;

/// <summary>
/// The whole platform behind the API, as the web app hosts it, over a store in a temporary folder seeded with
/// <see cref="Corpus"/>.
/// </summary>
internal sealed class RagServer : IAsyncDisposable
{
    public const string AttentionDocument = "attention.md";
    public const string ChunkingDocument = "chunking.md";

    public static readonly IReadOnlyDictionary<string, string> Corpus = new Dictionary<string, string>
    {
        [AttentionDocument] =
            "# Self-attention\n\nSelf-attention lets every token weigh every other token in the sequence. " +
            "The weights come from dot products of queries and keys, scaled and normalised with softmax.\n",
        [ChunkingDocument] =
            "# Chunking\n\nChunking splits documents into passages of a few hundred tokens. " +
            "Overlap between neighbouring chunks keeps sentences that straddle a boundary retrievable.\n",
    };

    private RagServer(string root, ApiServer server)
    {
        Root = root;
        Server = server;
    }

    public string Root { get; }

    public string StorePath => Path.Combine(Root, "store");

    public ApiServer Server { get; }

    public HttpClient Http => Server.Http;

    /// <summary>Document ids of <see cref="Corpus"/> by file name.</summary>
    public Dictionary<string, string> DocumentIds { get; } = [];

    public static async Task<RagServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? configureModels = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "ragp-api-tests", Guid.NewGuid().ToString("N"));
        var corpus = Directory.CreateDirectory(Path.Combine(root, "corpus")).FullName;
        var allSettings = new Dictionary<string, string?>
        {
            ["Store:Path"] = Path.Combine(root, "store"),
            ["Store:IngestSampleCorpusWhenEmpty"] = "false",
            ["Answering:Mode"] = "Auto",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            allSettings[key] = value;
        }

        var server = await ApiServer.StartAsync(allSettings, (services, configuration) =>
        {
            services.AddRagPlatform(configuration);
            configureModels?.Invoke(services, configuration);
        });
        var rag = new RagServer(root, server);
        foreach (var (name, text) in Corpus)
        {
            File.WriteAllText(Path.Combine(corpus, name), text);
        }

        var report = await server.Services.GetRequiredService<DocumentIngestionService>().IngestAsync([corpus]);
        Assert.False(report.HasFailures, string.Join("; ", report.Files.Select(f => f.Error)));
        foreach (var file in report.Files)
        {
            rag.DocumentIds[Path.GetFileName(file.SourcePath)] = file.DocumentId!;
        }

        return rag;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; no result depends on it.
        }
    }
}
