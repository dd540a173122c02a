using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;

namespace RagPlatform.Retrieval;

public static class RetrievalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="IRetriever"/> chosen by <see cref="RetrievalOptions.Mode"/>. Needs an
    /// <see cref="IChunkStore"/>; Dense and Hybrid also need an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
    /// of string → <see cref="Embedding{T}"/> of float, which Auto uses when present.
    /// </summary>
    public static IServiceCollection AddRetrieval(this IServiceCollection services, Action<RetrievalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RetrievalOptions>()
            .Validate(o => o.TopK > 0, "RetrievalOptions.TopK must be at least 1.")
            .Validate(o => o.CandidatePoolSize > 0, "RetrievalOptions.CandidatePoolSize must be at least 1.")
            .Validate(o => o.RrfK >= 0, "RetrievalOptions.RrfK must not be negative.")
            .Validate(o => o.KeywordWeight >= 0 && o.DenseWeight >= 0, "RetrievalOptions.KeywordWeight and DenseWeight must not be negative.")
            .Validate(o => o.MmrLambda is >= 0 and <= 1, "RetrievalOptions.MmrLambda must be between 0 and 1.")
            .Validate(o => Enum.IsDefined(o.Mode), "RetrievalOptions.Mode must be Auto, Keyword, Dense or Hybrid.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(CreateRetriever);
        return services;
    }

    private static IRetriever CreateRetriever(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<RetrievalOptions>>();
        var store = provider.GetRequiredService<IChunkStore>();
        var embeddingGenerator = provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
        var mode = options.Value.Mode;

        return mode switch
        {
            RetrievalMode.Keyword => new KeywordRetriever(store),
            RetrievalMode.Dense => new DenseRetriever(store, RequireGenerator(embeddingGenerator, mode)),
            RetrievalMode.Hybrid => new HybridRetriever(store, RequireGenerator(embeddingGenerator, mode), options),
            _ => new AutoRetriever(
                store,
                new KeywordRetriever(store),
                embeddingGenerator is null ? null : new HybridRetriever(store, embeddingGenerator, options),
                provider.GetService<ILogger<AutoRetriever>>() ?? NullLogger<AutoRetriever>.Instance),
        };
    }

    private static IEmbeddingGenerator<string, Embedding<float>> RequireGenerator(IEmbeddingGenerator<string, Embedding<float>>? generator, RetrievalMode mode) =>
        generator ?? throw new InvalidOperationException(
            $"Retrieval mode {mode} needs an embedding model, but no IEmbeddingGenerator<string, Embedding<float>> is registered. " +
            "Configure an embedding model, or set the retrieval mode to Keyword or Auto.");
}
