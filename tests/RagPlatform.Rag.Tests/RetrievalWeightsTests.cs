using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Rag.Tests;

public sealed class RetrievalWeightsTests
{
    [Fact]
    public async Task The_answerer_passes_the_requests_fusion_weights_through_the_kernel_to_the_retriever()
    {
        var retriever = new RecordingRetriever();
        await using var platform = TestPlatform.Create(configureServices: services => services.AddSingleton<IRetriever>(retriever));
        var answerer = platform.Get<IQuestionAnswerer>();

        await answerer.AskAsync(new AskRequest("What is self-attention?", TopK: 4, Weights: FusionWeights.FromDenseShare(0.25)));
        await answerer.AskAsync(new AskRequest("What is self-attention?"));

        Assert.Equal(2, retriever.Requests.Count);
        Assert.Equal(FusionWeights.FromDenseShare(0.25), retriever.Requests[0].Weights);
        Assert.Equal(4, retriever.Requests[0].TopK);
        Assert.Null(retriever.Requests[1].Weights);
    }

    private sealed class RecordingRetriever : IRetriever
    {
        public List<RetrievalRequest> Requests { get; } = [];

        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult<IReadOnlyList<ScoredChunk>>([]);
        }
    }
}
