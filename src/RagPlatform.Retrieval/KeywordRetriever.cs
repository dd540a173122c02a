using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;

namespace RagPlatform.Retrieval;

/// <summary>BM25 keyword retrieval from the store's full-text index.</summary>
public sealed class KeywordRetriever(IChunkStore store) : IRetriever
{
    private readonly IChunkStore _store = store ?? throw new ArgumentNullException(nameof(store));

    public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        RetrievalRequests.Validate(request);
        return _store.KeywordSearchAsync(request.Query, request.TopK, request.Filter, cancellationToken);
    }
}
