using Microsoft.Extensions.Options;

namespace RagPlatform.Storage.Tests.Support;

/// <summary>A <see cref="SqliteChunkStore"/> on a real file in its own temp directory; disposing removes both.</summary>
internal sealed class StoreFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    public StoreFixture()
    {
        Store = Open();
    }

    public SqliteChunkStore Store { get; }

    public string DirectoryPath => Path.Combine(_directory.Path, "index");

    public string DatabasePath => Path.Combine(DirectoryPath, "ragp.db");

    /// <summary>Another store instance on the same file, as a second process would have.</summary>
    public SqliteChunkStore Open() =>
        new(Options.Create(new SqliteStoreOptions { DirectoryPath = DirectoryPath }));

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
