using RagPlatform.Core.Documents;
using RagPlatform.Core.Storage;
using RagPlatform.Ingestion;

namespace RagPlatform.Rag.Documents;

/// <summary>Lists, shows and removes indexed documents, found by id or by the path they were ingested from.</summary>
public sealed class DocumentCatalog(IChunkStore store)
{
    public Task<IReadOnlyList<DocumentInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        store.ListDocumentsAsync(cancellationToken);

    public async Task<DocumentDetails?> FindAsync(string idOrPath, CancellationToken cancellationToken = default)
    {
        var document = await ResolveAsync(idOrPath, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        var chunks = await store.GetChunksAsync(document.Id, cancellationToken).ConfigureAwait(false);
        return new DocumentDetails(document, chunks);
    }

    /// <returns>The removed document, or null when nothing matched.</returns>
    public async Task<DocumentInfo?> RemoveAsync(string idOrPath, CancellationToken cancellationToken = default)
    {
        var document = await ResolveAsync(idOrPath, cancellationToken).ConfigureAwait(false);
        return document is not null && await store.RemoveDocumentAsync(document.Id, cancellationToken).ConfigureAwait(false) ? document : null;
    }

    private async Task<DocumentInfo?> ResolveAsync(string idOrPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPath);
        return await store.GetDocumentAsync(idOrPath, cancellationToken).ConfigureAwait(false)
            ?? await store.GetDocumentAsync(DocumentIdentity.ForPath(idOrPath), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A document with its chunks in order.</summary>
public sealed record DocumentDetails(DocumentInfo Document, IReadOnlyList<Chunk> Chunks);
