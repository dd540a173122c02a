using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Generation;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Retrieval;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Retrieval;

public sealed class RetrieverTests : IAsyncLifetime
{
    private const string ParaphraseQuery = "How do I speed up an automobile?";
    private const string CarChunkId = "garage:1";

    private readonly StoreFixture _fixture = new();
    private readonly ConceptEmbeddingGenerator _embedder = new(["car", "automobile", "vehicle"], ["accelerate", "speed"]);

    private static readonly TestDocument Garage = TestDocuments.Create(
        "garage",
        "Garage handbook",
        "Tyre pressure should be checked monthly with a gauge.",
        "To accelerate a car smoothly, press the pedal gradually.",
        "An automobile manual lists the service intervals.",
        "Oil changes keep the engine healthy.");

    public async Task InitializeAsync() => await StoreAsync(Garage);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task KeywordRetrievalMissesAParaphrase()
    {
        var results = await new KeywordRetriever(_fixture.Store).RetrieveAsync(new RetrievalRequest(ParaphraseQuery, 2));

        Assert.DoesNotContain(results, r => r.Chunk.Id == CarChunkId);
    }

    [Fact]
    public async Task DenseRetrievalEmbedsTheQueryAsAQuery()
    {
        var results = await new DenseRetriever(_fixture.Store, _embedder).RetrieveAsync(new RetrievalRequest(ParaphraseQuery, 1));

        Assert.Equal(CarChunkId, Assert.Single(results).Chunk.Id);
        Assert.Equal(EmbeddingInputKind.Query, Assert.Single(_embedder.RequestedInputKinds));
    }

    [Fact]
    public async Task HybridFindsAChunkOnlyDenseSearchFinds()
    {
        var hybrid = new HybridRetriever(_fixture.Store, _embedder, Options.Create(new RetrievalOptions()));

        var results = await hybrid.RetrieveAsync(new RetrievalRequest(ParaphraseQuery, 2));

        Assert.Contains(results, r => r.Chunk.Id == CarChunkId);
        Assert.Equal(results.OrderByDescending(r => r.Score).Select(r => r.Chunk.Id), results.Select(r => r.Chunk.Id));
    }

    [Fact]
    public async Task HybridKeepsExactKeywordMatches()
    {
        var hybrid = new HybridRetriever(_fixture.Store, _embedder, Options.Create(new RetrievalOptions { DenseWeight = 0.5 }));

        var results = await hybrid.RetrieveAsync(new RetrievalRequest("tyre pressure gauge", 1));

        Assert.Equal("garage:0", Assert.Single(results).Chunk.Id);
    }

    [Fact]
    public async Task PerRequestWeightsOfZeroAndOneReproduceKeywordAndDenseRanking()
    {
        var hybrid = Hybrid(new RetrievalOptions());
        var request = new RetrievalRequest(ParaphraseQuery, 3);
        var keywordOnly = await new KeywordRetriever(_fixture.Store).RetrieveAsync(request);
        var denseOnly = await new DenseRetriever(_fixture.Store, _embedder).RetrieveAsync(request);
        Assert.NotEqual(Ids(keywordOnly), Ids(denseOnly));
        _embedder.RequestedInputKinds.Clear();

        var asKeyword = await hybrid.RetrieveAsync(request with { Weights = FusionWeights.FromDenseShare(0) });
        Assert.Empty(_embedder.RequestedInputKinds);
        var asDense = await hybrid.RetrieveAsync(request with { Weights = FusionWeights.FromDenseShare(1) });

        Assert.Equal(Ids(keywordOnly), Ids(asKeyword));
        Assert.Equal(Ids(denseOnly), Ids(asDense));
    }

    [Fact]
    public async Task PerRequestWeightsOverrideTheConfiguredOnes()
    {
        var keywordConfigured = Hybrid(new RetrievalOptions { KeywordWeight = 1, DenseWeight = 0 });
        var request = new RetrievalRequest(ParaphraseQuery, 1);

        var configured = await keywordConfigured.RetrieveAsync(request);
        var overridden = await keywordConfigured.RetrieveAsync(request with { Weights = FusionWeights.FromDenseShare(1) });

        Assert.NotEqual(CarChunkId, Assert.Single(configured).Chunk.Id);
        Assert.Equal(CarChunkId, Assert.Single(overridden).Chunk.Id);
    }

    [Fact]
    public async Task AutoModeFallingBackToKeywordsIgnoresTheWeights()
    {
        await _fixture.Store.ClearVectorsAsync();
        await using var provider = Services(_embedder).BuildServiceProvider();
        var request = new RetrievalRequest(ParaphraseQuery, 2, Weights: FusionWeights.FromDenseShare(1));

        var results = await provider.GetRequiredService<IRetriever>().RetrieveAsync(request);

        Assert.Equal(Ids(await new KeywordRetriever(_fixture.Store).RetrieveAsync(request)), Ids(results));
        Assert.Empty(_embedder.RequestedInputKinds);
    }

    [Fact]
    public async Task HybridHonoursTheFilter()
    {
        await StoreAsync(TestDocuments.Create("bikes", "Bikes", "A bicycle needs no automobile insurance."));
        var hybrid = new HybridRetriever(_fixture.Store, _embedder, Options.Create(new RetrievalOptions()));

        var results = await hybrid.RetrieveAsync(new RetrievalRequest("automobile", 5, new SearchFilter(["bikes"])));

        Assert.Equal("bikes:0", Assert.Single(results).Chunk.Id);
    }

    [Fact]
    public async Task MmrPrefersADifferentChunkOverANearDuplicate()
    {
        await StoreAsync(TestDocuments.Create(
            "dupes",
            "Dupes",
            "Quantization shrinks model weights to eight bits.",
            "Quantization shrinks model weights to eight bits!",
            "Quantization of weights lowers memory, and pruning drops weights."));
        var request = new RetrievalRequest("eight bits quantization", 2, new SearchFilter(["dupes"]));

        var plain = await Hybrid(new RetrievalOptions()).RetrieveAsync(request);
        var diverse = await Hybrid(new RetrievalOptions { UseMmr = true, MmrLambda = 0.5 }).RetrieveAsync(request);

        Assert.Equal(["dupes:0", "dupes:1"], plain.Select(r => r.Chunk.Id));
        Assert.Equal(["dupes:0", "dupes:2"], diverse.Select(r => r.Chunk.Id));
    }

    [Fact]
    public async Task AutoModeUsesKeywordsWithoutAnEmbeddingModel()
    {
        await using var provider = Services(generator: null).BuildServiceProvider();

        var results = await provider.GetRequiredService<IRetriever>().RetrieveAsync(new RetrievalRequest(ParaphraseQuery, 2));

        var keywordResults = await new KeywordRetriever(_fixture.Store).RetrieveAsync(new RetrievalRequest(ParaphraseQuery, 2));
        Assert.Equal(keywordResults, results);
    }

    [Fact]
    public async Task AutoModeUsesKeywordsWhileTheStoreHasNoVectors()
    {
        await _fixture.Store.ClearVectorsAsync();
        await using var provider = Services(_embedder).BuildServiceProvider();

        var results = await provider.GetRequiredService<IRetriever>().RetrieveAsync(new RetrievalRequest(ParaphraseQuery, 2));

        Assert.DoesNotContain(results, r => r.Chunk.Id == CarChunkId);
        Assert.Empty(_embedder.RequestedInputKinds);
    }

    [Fact]
    public async Task AutoModeGoesHybridWithAnEmbeddingModelAndVectors()
    {
        await using var provider = Services(_embedder).BuildServiceProvider();

        var results = await provider.GetRequiredService<IRetriever>().RetrieveAsync(new RetrievalRequest(ParaphraseQuery, 2));

        Assert.Contains(results, r => r.Chunk.Id == CarChunkId);
    }

    [Theory]
    [InlineData(RetrievalMode.Dense)]
    [InlineData(RetrievalMode.Hybrid)]
    public async Task ModesThatEmbedNeedAnEmbeddingModel(RetrievalMode mode)
    {
        await using var provider = Services(generator: null, o => o.Mode = mode).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IRetriever>());

        Assert.Contains(mode.ToString(), error.Message);
        Assert.Contains("IEmbeddingGenerator", error.Message);
    }

    [Theory]
    [InlineData(RetrievalMode.Keyword, typeof(KeywordRetriever))]
    [InlineData(RetrievalMode.Dense, typeof(DenseRetriever))]
    [InlineData(RetrievalMode.Hybrid, typeof(HybridRetriever))]
    public async Task ExplicitModesPickTheirRetriever(RetrievalMode mode, Type expected)
    {
        await using var provider = Services(_embedder, o => o.Mode = mode).BuildServiceProvider();

        Assert.IsType(expected, provider.GetRequiredService<IRetriever>());
    }

    [Fact]
    public async Task InvalidOptionsAreRejectedWithTheirName()
    {
        await using var provider = Services(_embedder, o => o.MmrLambda = 1.5).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRetriever>());

        Assert.Contains("MmrLambda", error.Message);
    }

    [Fact]
    public async Task RejectsANonPositiveTopK() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new KeywordRetriever(_fixture.Store).RetrieveAsync(new RetrievalRequest("car", 0)));

    private static IReadOnlyList<string> Ids(IReadOnlyList<ScoredChunk> results) => results.Select(r => r.Chunk.Id).ToList();

    private HybridRetriever Hybrid(RetrievalOptions options) => new(_fixture.Store, _embedder, Options.Create(options));

    private ServiceCollection Services(IEmbeddingGenerator<string, Embedding<float>>? generator, Action<RetrievalOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IChunkStore>(_fixture.Store);
        if (generator is not null)
        {
            services.AddSingleton(generator);
        }

        services.AddRetrieval(configure);
        return services;
    }

    private async Task StoreAsync(TestDocument document)
    {
        await _fixture.Store.SetEmbeddingSignatureAsync(new EmbeddingSignature(ConceptEmbeddingGenerator.ModelId, ConceptEmbeddingGenerator.Dimensions));
        await document.StoreAsync(_fixture.Store, document.Chunks.Select(c => (ReadOnlyMemory<float>)_embedder.Embed(c.Text)).ToList());
    }
}
