using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Core.Storage;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

public sealed class StorageRegistrationTests
{
    [Fact]
    public async Task RegistersOneConfiguredStoreForTheInterfaceAndTheClass()
    {
        using var directory = new TempDirectory();
        var storePath = Path.Combine(directory.Path, "custom");
        var services = new ServiceCollection().AddSqliteChunkStore(options =>
        {
            options.DirectoryPath = storePath;
            options.FileName = "course.db";
        });

        await using (var provider = services.BuildServiceProvider())
        {
            var store = provider.GetRequiredService<IChunkStore>();
            Assert.Same(store, provider.GetRequiredService<SqliteChunkStore>());
            Assert.Same(store, provider.GetRequiredService<IChunkStore>());

            await store.ListDocumentsAsync();
        }

        Assert.True(File.Exists(Path.Combine(storePath, "course.db")));
    }
}
