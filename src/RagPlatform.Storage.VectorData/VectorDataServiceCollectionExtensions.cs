using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Retrieval;

namespace RagPlatform.Storage.VectorData;

public static class VectorDataServiceCollectionExtensions
{
    /// <summary>
    /// Serves the platform's retrieval (and so its question answering) from <paramref name="collectionFactory"/>'s
    /// collection, registered as a singleton: replaces any <see cref="IRetriever"/> registered before, and wins over
    /// one added later with TryAdd, as <c>AddRagPlatform</c> does.
    /// </summary>
    public static IServiceCollection AddVectorStoreRetrieval<TKey, TRecord>(
        this IServiceCollection services,
        Func<IServiceProvider, VectorStoreCollection<TKey, TRecord>> collectionFactory,
        Action<VectorStoreRetrievalOptions<TRecord>> configure)
        where TKey : notnull
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(collectionFactory);
        services.AddSingleton(collectionFactory);
        return services.AddVectorStoreRetrieval<TKey, TRecord>(configure);
    }

    /// <summary>
    /// Serves the platform's retrieval from the <see cref="VectorStoreCollection{TKey, TRecord}"/> already registered
    /// (e.g. by a Semantic Kernel connector's registration method).
    /// </summary>
    public static IServiceCollection AddVectorStoreRetrieval<TKey, TRecord>(
        this IServiceCollection services, Action<VectorStoreRetrievalOptions<TRecord>> configure)
        where TKey : notnull
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<VectorStoreRetrievalOptions<TRecord>>().Configure(configure);
        services.RemoveAll<IRetriever>();
        services.AddSingleton<IRetriever>(provider => new VectorStoreRetriever<TKey, TRecord>(
            provider.GetRequiredService<VectorStoreCollection<TKey, TRecord>>(),
            provider.GetRequiredService<IOptions<VectorStoreRetrievalOptions<TRecord>>>(),
            provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        return services;
    }

    /// <summary>
    /// Exposes the registered <see cref="IChunkStore"/> as a <see cref="VectorStore"/> and as
    /// <see cref="VectorStoreCollection{TKey, TRecord}"/> of string → <see cref="RagChunkRecord"/>, for VectorData and
    /// Semantic Kernel code. Uses the registered embedding generator for text searches and the retrieval options'
    /// fusion settings for hybrid search.
    /// </summary>
    public static IServiceCollection AddChunkStoreVectorStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<VectorStoreCollection<string, RagChunkRecord>>(provider => new ChunkStoreVectorCollection(
            provider.GetRequiredService<IChunkStore>(),
            provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>(),
            provider.GetService<IOptions<RetrievalOptions>>()?.Value));
        services.TryAddSingleton<VectorStore>(provider => new ChunkStoreVectorStore(
            provider.GetRequiredService<IChunkStore>(),
            provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>(),
            provider.GetService<IOptions<RetrievalOptions>>()?.Value));
        return services;
    }
}
