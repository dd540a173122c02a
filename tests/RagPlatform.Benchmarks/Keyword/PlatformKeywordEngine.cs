using Microsoft.Extensions.Options;
using RagPlatform.Core.Retrieval;
using RagPlatform.Retrieval;
using RagPlatform.Storage;

namespace RagPlatform.Benchmarks.Keyword;

/// <summary>
/// The platform's embedded store as shipped: <see cref="SqliteChunkStore"/> written one document per transaction
/// through <see cref="SqliteChunkStore.UpsertDocumentAsync"/> (the ingestion path), searched through
/// <see cref="KeywordRetriever"/>.
/// </summary>
internal sealed class PlatformKeywordEngine(IReadOnlyList<PreparedDocument> corpus) : IKeywordEngine
{
    public string Name => "RagPlatform (SQLite FTS5)";

    public string Configuration =>
        "`SqliteChunkStore` + `KeywordRetriever`: `MultilingualAnalyzer` (NFKC, lower case, diacritics folded, English + Indonesian stop words, " +
        "Indonesian then English light stemmer) → FTS5 `bm25()` (k1 = 1.2, b = 0.75) over body, headings and title columns weighted 1.0 / 0.7 / 0.5; " +
        "query = distinct analyzed terms OR-ed; one SQLite transaction per document (WAL)";

    public async Task<IKeywordIndex> BuildAsync(string directory, CancellationToken cancellationToken)
    {
        var store = new SqliteChunkStore(Options.Create(new SqliteStoreOptions { DirectoryPath = directory }));
        try
        {
            foreach (var document in corpus)
            {
                await store.UpsertDocumentAsync(document.Info, document.Chunk.Text, [document.Chunk], vectors: null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new Index(store);
    }

    private sealed class Index(SqliteChunkStore store) : IKeywordIndex
    {
        private readonly KeywordRetriever _retriever = new(store);

        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default) =>
            _retriever.RetrieveAsync(request, cancellationToken);

        public ValueTask DisposeAsync() => store.DisposeAsync();
    }
}
