using RagPlatform.Core.Storage;
using RagPlatform.Storage.Contract;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

/// <summary>The shared filter contract against a real Qdrant (skipped unless QDRANT_URL is set).</summary>
public sealed class QdrantFilterContractTests : StoreFilterContract
{
    private LiveQdrant? _qdrant;

    protected override Task<IChunkStore> OpenEmptyStoreAsync()
    {
        _qdrant = LiveQdrant.TryConnect()
            ?? throw new InvalidOperationException($"{QdrantFactAttribute.UrlVariable} is not set; these tests should have been skipped.");
        return Task.FromResult<IChunkStore>(_qdrant.Store);
    }

    protected override async Task DeleteStoreAsync(IChunkStore store) => await _qdrant!.DisposeAsync();
}
