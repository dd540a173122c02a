using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPlatform.Storage.Qdrant.Tests.Support;

namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class QdrantStoreOptionsTests
{
    [Fact]
    public void Defaults_point_at_a_local_server()
    {
        var options = new QdrantStoreOptions();

        Assert.Equal(new Uri("http://localhost:6333"), options.Endpoint);
        Assert.Equal("ragp_chunks", options.CollectionName);
        Assert.Null(options.ApiKey);
        Assert.Null(options.VectorDimensions);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    public static TheoryData<Action<QdrantStoreOptions>, string> InvalidSettings => new()
    {
        { options => options.Endpoint = new Uri("ftp://localhost:6333"), "Store:Qdrant:Endpoint" },
        { options => options.Endpoint = new Uri("/relative", UriKind.Relative), "Store:Qdrant:Endpoint" },
        { options => options.CollectionName = " ", "Store:Qdrant:CollectionName" },
        { options => options.CollectionName = "a/b", "Store:Qdrant:CollectionName" },
        { options => options.VectorDimensions = 0, "Store:Qdrant:VectorDimensions" },
        { options => options.Timeout = TimeSpan.Zero, "Store:Qdrant:Timeout" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void The_store_refuses_a_setting_that_cannot_work_and_names_it(Action<QdrantStoreOptions> misconfigure, string setting)
    {
        var options = new QdrantStoreOptions();
        misconfigure(options);

        var error = Assert.Throws<ArgumentException>(() => new QdrantChunkStore(
            new HttpClient(new FakeQdrant()), Options.Create(options), WordAnalyzer.Instance, NullLogger<QdrantChunkStore>.Instance));

        Assert.StartsWith(setting, error.Message);
    }
}
