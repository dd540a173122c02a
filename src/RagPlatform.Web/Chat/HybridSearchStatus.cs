using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Retrieval;

namespace RagPlatform.Web.Chat;

/// <summary>
/// Whether the keyword↔semantic balance of a conversation changes anything: only hybrid retrieval fuses two
/// rankings, and it runs only with an embedding model and vectors in the index (see RetrievalMode.Auto).
/// </summary>
internal sealed class HybridSearchStatus(IChunkStore store, IOptions<RetrievalOptions> options, IServiceProviderIsService registrations)
{
    /// <summary>The configured balance, 0 (keyword only) to 1 (semantic only).</summary>
    public double DefaultWeight { get; } = options.Value is { KeywordWeight: var keyword, DenseWeight: var dense } && keyword + dense > 0
        ? new FusionWeights(keyword, dense).DenseShare
        : 0.5;

    /// <returns>Why the balance has no effect now, or null when hybrid search is in use.</returns>
    public async Task<string?> UnavailableReasonAsync(CancellationToken cancellationToken) => options.Value.Mode switch
    {
        RetrievalMode.Keyword => "Retrieval:Mode is Keyword, so only keyword search runs.",
        RetrievalMode.Dense => "Retrieval:Mode is Dense, so only semantic search runs.",
        _ when !registrations.IsService(typeof(IEmbeddingGenerator<string, Embedding<float>>)) =>
            "Hybrid search needs an embedding model (Models:Embedding); without one, answers use keyword search.",
        _ when await store.GetEmbeddingSignatureAsync(cancellationToken) is null =>
            "The index holds no embeddings yet; ingest the documents with the embedding model to enable hybrid search.",
        _ => null,
    };
}
