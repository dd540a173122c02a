using Microsoft.Extensions.Options;

namespace RagPlatform.Storage.Tests.Support;

/// <summary>A <see cref="SqliteChunkStore"/> on a real file in its own temp directory; disposing removes both.</summary>
internal sealed class StoreFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly int? _approximateSearchThreshold;

    /// <param name="approximateSearchThreshold">See <see cref="SqliteStoreOptions.ApproximateSearchThreshold"/>; null keeps the default.</param>
    public StoreFixture(int? approximateSearchThreshold = null)
    {
        _approximateSearchThreshold = approximateSearchThreshold;
        Store = Open();
    }

    public SqliteChunkStore Store { get; }

    public string DirectoryPath => Path.Combine(_directory.Path, "index");

    public string DatabasePath => Path.Combine(DirectoryPath, "ragp.db");

    /// <summary>Another store instance on the same file, as a second process would have.</summary>
    public SqliteChunkStore Open() => Open(_approximateSearchThreshold);

    public SqliteChunkStore Open(int? approximateSearchThreshold)
    {
        var options = new SqliteStoreOptions { DirectoryPath = DirectoryPath };
        if (approximateSearchThreshold is { } threshold)
        {
            options.ApproximateSearchThreshold = threshold;
        }

        return new SqliteChunkStore(Options.Create(options));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
