using Microsoft.Extensions.AI;
using RagPlatform.Core.Generation;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;

namespace RagPlatform.Retrieval;

/// <summary>Dense retrieval: embeds the query (as a query, for asymmetric models) and searches the stored vectors.</summary>
public sealed class DenseRetriever(IChunkStore store, IEmbeddingGenerator<string, Embedding<float>> embeddingGenerator) : IRetriever
{
    private readonly IChunkStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddingGenerator =
        embeddingGenerator ?? throw new ArgumentNullException(nameof(embeddingGenerator));

    public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        RetrievalRequests.Validate(request);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return [];
        }

        var queryVector = await _embeddingGenerator.GenerateVectorAsync(request.Query, EmbeddingInputKind.ForQueries(), cancellationToken);
        return await _store.VectorSearchAsync(queryVector, request.TopK, request.Filter, cancellationToken);
    }
}
