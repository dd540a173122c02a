using Microsoft.Extensions.Logging;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;

namespace RagPlatform.Retrieval;

/// <summary>
/// <see cref="RetrievalMode.Auto"/>: hybrid while the store holds vectors and an embedding model is registered,
/// keyword otherwise. Decided per request, because ingesting with an embedding model can add vectors at any time.
/// The keyword fallback ignores <see cref="RetrievalRequest.Weights"/>: with one ranking there is nothing to weigh.
/// </summary>
internal sealed partial class AutoRetriever(IChunkStore store, KeywordRetriever keyword, HybridRetriever? hybrid, ILogger<AutoRetriever> logger)
    : IRetriever
{
    public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        var useHybrid = hybrid is not null && await store.GetEmbeddingSignatureAsync(cancellationToken) is not null;
        LogModeChosen(logger, useHybrid ? RetrievalMode.Hybrid : RetrievalMode.Keyword);
        return await (useHybrid ? hybrid! : (IRetriever)keyword).RetrieveAsync(request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Automatic retrieval mode chose {Mode}")]
    private static partial void LogModeChosen(ILogger logger, RetrievalMode mode);
}
