using RagPlatform.Core.Storage;
using RagPlatform.Storage;
using RagPlatform.Storage.Qdrant;

namespace RagPlatform.Rag.Tests;

public sealed class StoreSelectionTests
{
    [Fact]
    public async Task Embedded_sqlite_store_is_the_default()
    {
        await using var platform = TestPlatform.Create();

        Assert.IsType<SqliteChunkStore>(platform.Get<IChunkStore>());
    }

    [Fact]
    public async Task Qdrant_is_selected_by_configuration_without_changing_the_rest_of_the_platform()
    {
        await using var platform = TestPlatform.Create(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "qdrant",
            ["Store:Qdrant:Endpoint"] = "http://127.0.0.1:6333",
        });

        Assert.IsType<QdrantChunkStore>(platform.Get<IChunkStore>());
        Assert.NotNull(platform.Get<RagPlatform.Core.Answers.IQuestionAnswerer>());
    }

    [Fact]
    public void Unknown_provider_names_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => TestPlatform.Create(new Dictionary<string, string?> { ["Store:Provider"] = "elastic" }));

        Assert.Contains("'sqlite'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'qdrant'", error.Message, StringComparison.Ordinal);
    }
}
