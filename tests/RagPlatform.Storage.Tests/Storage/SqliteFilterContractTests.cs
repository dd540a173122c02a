using RagPlatform.Core.Storage;
using RagPlatform.Storage.Contract;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

public sealed class SqliteFilterContractTests : StoreFilterContract
{
    private readonly StoreFixture _fixture = new();

    protected override Task<IChunkStore> OpenEmptyStoreAsync() => Task.FromResult<IChunkStore>(_fixture.Store);

    protected override async Task DeleteStoreAsync(IChunkStore store) => await _fixture.DisposeAsync();
}
