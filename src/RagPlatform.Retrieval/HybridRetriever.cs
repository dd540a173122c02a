using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;

namespace RagPlatform.Retrieval;

/// <summary>
/// Keyword and dense retrieval fused by weighted reciprocal rank (<see cref="RetrievalRequest.Weights"/>, else
/// <see cref="RetrievalOptions.KeywordWeight"/> and <see cref="RetrievalOptions.DenseWeight"/>; and
/// <see cref="RetrievalOptions.RrfK"/>): exact terms and paraphrases both find their chunks. A ranking weighted 0 is
/// not searched at all, so weight 0 or 1 gives plain keyword or dense ranking. <see cref="ScoredChunk.Score"/> is the fused score. With
/// <see cref="RetrievalOptions.UseMmr"/> and a store that returns chunk vectors, the fused candidates are re-ordered
/// for diversity, so the list order (not the score) carries the MMR decision.
/// </summary>
public sealed class HybridRetriever : IRetriever
{
    private readonly IChunkStore _store;
    private readonly KeywordRetriever _keyword;
    private readonly DenseRetriever _dense;
    private readonly IOptions<RetrievalOptions> _options;

    public HybridRetriever(IChunkStore store, IEmbeddingGenerator<string, Embedding<float>> embeddingGenerator, IOptions<RetrievalOptions> options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _keyword = new KeywordRetriever(store);
        _dense = new DenseRetriever(store, embeddingGenerator);
    }

    public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        RetrievalRequests.Validate(request);
        var settings = _options.Value;
        var candidateRequest = request with { TopK = Math.Max(settings.CandidatePoolSize, request.TopK) };

        var (keywordWeight, denseWeight) = request.Weights is { } weights
            ? (weights.Keyword, weights.Dense)
            : (settings.KeywordWeight, settings.DenseWeight);

        var keywordCandidates = SearchIfWeighted(_keyword, keywordWeight, candidateRequest, cancellationToken);
        var denseCandidates = SearchIfWeighted(_dense, denseWeight, candidateRequest, cancellationToken);
        var fused = ReciprocalRankFusion.Fuse(
            [(await keywordCandidates, keywordWeight), (await denseCandidates, denseWeight)],
            settings.RrfK);

        if (settings.UseMmr && fused.Count > request.TopK && _store is IChunkVectorReader vectorReader)
        {
            var vectors = await vectorReader.GetChunkVectorsAsync(fused.Select(candidate => candidate.Chunk.Id).ToList(), cancellationToken);
            return MaximalMarginalRelevance.Select(fused, vectors, request.TopK, settings.MmrLambda);
        }

        return fused.Take(request.TopK).ToList();
    }

    private static Task<IReadOnlyList<ScoredChunk>> SearchIfWeighted(
        IRetriever retriever, double weight, RetrievalRequest request, CancellationToken cancellationToken) =>
        weight > 0 ? retriever.RetrieveAsync(request, cancellationToken) : Task.FromResult<IReadOnlyList<ScoredChunk>>([]);
}
