using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using RagPlatform.Core.Storage;
using RagPlatform.Retrieval;

namespace RagPlatform.Storage.VectorData;

/// <summary>
/// The platform's index as a Microsoft.Extensions.VectorData store with one collection,
/// <see cref="ChunkStoreVectorCollection.DefaultName"/>, of <see cref="RagChunkRecord"/> keyed by chunk id.
/// </summary>
public sealed class ChunkStoreVectorStore : VectorStore
{
    internal const string SystemName = "ragplatform";

    private readonly IChunkStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddingGenerator;
    private readonly RetrievalOptions? _fusion;
    private readonly VectorStoreMetadata _metadata = new() { VectorStoreSystemName = SystemName };

    /// <param name="store">The index to read; not disposed with the vector store.</param>
    /// <param name="embeddingGenerator">Embeds text search inputs; without it, search with vectors.</param>
    /// <param name="fusion">Hybrid fusion settings; the platform defaults when null.</param>
    public ChunkStoreVectorStore(
        IChunkStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddingGenerator = null, RetrievalOptions? fusion = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _embeddingGenerator = embeddingGenerator;
        _fusion = fusion;
    }

    /// <summary>The chunk collection; <typeparamref name="TKey"/> must be string and <typeparamref name="TRecord"/> <see cref="RagChunkRecord"/>.</summary>
    /// <param name="definition">Must be null: the chunk schema is fixed.</param>
    public override VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null)
    {
        RequireChunkCollection(name);
        if (typeof(TKey) != typeof(string) || typeof(TRecord) != typeof(RagChunkRecord) || definition is not null)
        {
            throw new NotSupportedException(
                $"The RagPlatform chunk store has one fixed schema: call GetCollection<string, {nameof(RagChunkRecord)}>(\"{ChunkStoreVectorCollection.DefaultName}\") without a definition.");
        }

        return (VectorStoreCollection<TKey, TRecord>)(object)new ChunkStoreVectorCollection(_store, _embeddingGenerator, _fusion);
    }

    /// <exception cref="NotSupportedException">Always: records are <see cref="RagChunkRecord"/>, not dictionaries.</exception>
    public override VectorStoreCollection<object, Dictionary<string, object?>> GetDynamicCollection(string name, VectorStoreCollectionDefinition definition) =>
        throw new NotSupportedException(
            $"The RagPlatform chunk store has one fixed schema: call GetCollection<string, {nameof(RagChunkRecord)}>(\"{ChunkStoreVectorCollection.DefaultName}\").");

    public override async IAsyncEnumerable<string> ListCollectionNamesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield return ChunkStoreVectorCollection.DefaultName;
    }

    public override Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(name == ChunkStoreVectorCollection.DefaultName);

    /// <exception cref="NotSupportedException">Always; remove documents through the platform.</exception>
    public override Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(
            "The RagPlatform chunk store is written one whole document at a time by ingestion: remove documents (ragp docs remove) instead of deleting the collection.");

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreMetadata) ? _metadata
            : serviceType.IsInstanceOfType(_store) ? _store
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    internal static VectorStoreCollectionMetadata CreateMetadata(string collectionName) =>
        new() { VectorStoreSystemName = SystemName, CollectionName = collectionName };

    private static void RequireChunkCollection(string name)
    {
        if (name != ChunkStoreVectorCollection.DefaultName)
        {
            throw new ArgumentException(
                $"The RagPlatform chunk store has one collection, \"{ChunkStoreVectorCollection.DefaultName}\"; \"{name}\" does not exist.", nameof(name));
        }
    }
}
