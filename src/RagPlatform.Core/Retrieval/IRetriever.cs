namespace RagPlatform.Core.Retrieval;

/// <summary>
/// Finds the chunks that best answer a query. Keyword, dense and hybrid retrievers all implement this, so callers
/// never change when the retrieval strategy does.
/// </summary>
public interface IRetriever
{
    Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default);
}
