using Microsoft.Extensions.Options;
using RagPlatform.Core.Storage;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Rag.Ingestion;

/// <summary>
/// Gives a new user something to ask about: the first question asked of an empty store indexes the bundled
/// sample corpus (data/corpus of the RagPlatform checkout being worked in, or the copy shipped next to the program).
/// </summary>
public sealed class SampleCorpusSeeder(IChunkStore store, DocumentIngestionService ingestion, IOptions<StoreOptions> options)
{
    internal const string BundledFolderName = "sample-corpus";

    public string? CorpusPath { get; } = Locate(options.Value);

    public async Task<bool> ShouldSeedAsync(CancellationToken cancellationToken = default) =>
        options.Value.IngestSampleCorpusWhenEmpty
        && CorpusPath is not null
        && (await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false)).Count == 0;

    public Task<IngestionReport> SeedAsync(IProgress<IngestionProgress>? progress, CancellationToken cancellationToken = default) =>
        CorpusPath is null
            ? throw new InvalidOperationException("No sample corpus was found: set Store:SampleCorpusPath to a folder of documents.")
            : ingestion.IngestAsync([CorpusPath], new IngestionRunOptions(), progress, cancellationToken);

    private static string? Locate(StoreOptions options)
    {
        if (options.SampleCorpusPath is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new ArgumentException($"Store:SampleCorpusPath '{configured}' does not exist: point it at a folder of documents or remove the setting.");
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "corpus");
            if (File.Exists(Path.Combine(directory.FullName, "RagPlatform.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, BundledFolderName);
        return Directory.Exists(bundled) ? bundled : null;
    }
}
