using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Rag.Hosting;
using RagPlatform.Storage.VectorData.Tests.Support;

namespace RagPlatform.Storage.VectorData.Tests;

/// <summary>The platform composed as the front ends compose it, with retrieval served by a VectorData collection.</summary>
public sealed class RegistrationTests : IAsyncLifetime
{
    private readonly string _platformDirectory = Directory.CreateTempSubdirectory("ragp-vectordata-platform-").FullName;
    private CourseStore _foreign = null!;

    public async Task InitializeAsync() => _foreign = await CourseStore.CreateAsync();

    public async Task DisposeAsync()
    {
        await _foreign.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_platformDirectory, recursive: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_vector_store_retriever_replaces_the_platform_retriever_whichever_is_added_first(bool platformFirst)
    {
        var services = new ServiceCollection();
        if (platformFirst)
        {
            AddPlatform(services);
        }

        services.AddVectorStoreRetrieval<string, RagChunkRecord>(_ => new ChunkStoreVectorCollection(_foreign.Store), ChunkRecordMapping.Configure);
        if (!platformFirst)
        {
            AddPlatform(services);
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Single(services, d => d.ServiceType == typeof(IRetriever));
        Assert.IsType<VectorStoreRetriever<string, RagChunkRecord>>(provider.GetRequiredService<IRetriever>());
    }

    [Fact]
    public async Task A_question_is_answered_end_to_end_from_the_collection()
    {
        var services = AddPlatform(new ServiceCollection())
            .AddVectorStoreRetrieval<string, RagChunkRecord>(_ => new ChunkStoreVectorCollection(_foreign.Store), ChunkRecordMapping.Configure);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var platformStore = provider.GetRequiredService<IChunkStore>();

        var answer = await provider.GetRequiredService<IQuestionAnswerer>().AskAsync(new AskRequest("What does byte pair encoding merge?"));

        Assert.Empty(await platformStore.ListDocumentsAsync());
        Assert.False(answer.Abstained);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("frequent character pairs", answer.Text);
        var citation = Assert.Single(answer.Citations, c => c.ChunkId == "tokenizer:0");
        Assert.Equal("About tokenizer", citation.Title);
        Assert.Equal("docs/tokenizer.md", citation.SourcePath);
    }

    [Fact]
    public async Task The_platform_store_is_available_as_a_vector_store()
    {
        var services = AddPlatform(new ServiceCollection()).AddChunkStoreVectorStore();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var vectorStore = provider.GetRequiredService<VectorStore>();
        var collection = provider.GetRequiredService<VectorStoreCollection<string, RagChunkRecord>>();

        Assert.IsType<ChunkStoreVectorStore>(vectorStore);
        Assert.Same(provider.GetRequiredService<IChunkStore>(), collection.GetService(typeof(IChunkStore)));
        Assert.IsAssignableFrom<IKeywordHybridSearchable<RagChunkRecord>>(collection);
    }

    private IServiceCollection AddPlatform(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Path"] = _platformDirectory,
                ["Store:IngestSampleCorpusWhenEmpty"] = "false",
            })
            .Build();
        return services
            .AddLogging(builder => builder.SetMinimumLevel(LogLevel.Warning))
            .AddRagPlatform(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, WordHashEmbeddingGenerator>();
    }
}
