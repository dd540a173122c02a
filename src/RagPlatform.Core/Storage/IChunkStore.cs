using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Core.Storage;

/// <summary>
/// The index: documents, their chunks, keyword (BM25) search and, when vectors are stored, dense search.
/// Writing a document is atomic: readers see either the previous version or the new one, never a mix.
/// </summary>
public interface IChunkStore : IAsyncDisposable
{
    Task<DocumentInfo?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>The normalised full text the chunk offsets point into, or null for an unknown document.</summary>
    Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Replaces everything stored for <paramref name="document"/> in one transaction.</summary>
    /// <param name="vectors">One vector per chunk, in chunk order, or null when no embedding model is configured.</param>
    Task UpsertDocumentAsync(
        DocumentInfo document,
        string text,
        IReadOnlyList<Chunk> chunks,
        IReadOnlyList<ReadOnlyMemory<float>>? vectors,
        CancellationToken cancellationToken = default);

    /// <returns>False when no such document was stored.</returns>
    Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScoredChunk>> VectorSearchAsync(ReadOnlyMemory<float> vector, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>The embedding model the stored vectors came from, or null when none are stored.</summary>
    Task<EmbeddingSignature?> GetEmbeddingSignatureAsync(CancellationToken cancellationToken = default);

    /// <summary>Records which embedding model produced the vectors; stored vectors must all come from it.</summary>
    Task SetEmbeddingSignatureAsync(EmbeddingSignature signature, CancellationToken cancellationToken = default);
}

/// <summary>Identifies the vectors in a store so that a different model is detected instead of mixed in.</summary>
public sealed record EmbeddingSignature(string ModelId, int Dimensions);
