using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;
using RagPlatform.Rag.Answering;

namespace RagPlatform.Rag.Tests;

public sealed class GenerativeAnswererTests
{
    private static readonly IReadOnlyList<ScoredChunk> Context =
    [
        Scored("a", "Self-attention lets every token look at every other token. It uses queries, keys and values."),
        Scored("b", "LoRA trains two small low-rank matrices while the original weights stay frozen."),
    ];

    [Fact]
    public async Task Citations_map_to_the_numbered_context_and_invented_markers_are_removed()
    {
        var answerer = Answerer("Self-attention lets each token use every other token [1]. LoRA freezes the weights [2]. Trust me [7].");

        var answer = await Final(answerer);

        Assert.False(answer.Abstained);
        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.DoesNotContain("[7]", answer.Text, StringComparison.Ordinal);
        Assert.Equal([1, 2], answer.Citations.Select(c => c.Number));
        Assert.Equal("a:0", answer.Citations[0].ChunkId);
        Assert.Equal("Self-attention lets every token look at every other token.", answer.Citations[0].Quote);
        Assert.Equal("b:0", answer.Citations[1].ChunkId);
    }

    [Fact]
    public async Task An_answer_without_citations_is_an_abstention()
    {
        var answerer = Answerer("The passages do not say who won the 2018 World Cup.");

        var answer = await Final(answerer);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task Streamed_deltas_arrive_in_order_and_form_the_answer()
    {
        const string reply = "Self-attention mixes value vectors [1].";
        var answerer = Answerer(reply);

        var updates = new List<AnswerUpdate>();
        await foreach (var update in answerer.AnswerAsync(new AskRequest("What is self-attention?"), "en", Context))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 2);
        Assert.Equal(reply, string.Concat(updates.Select(u => u.TextDelta)));
        Assert.Equal(reply, updates[^1].Completed!.Text);
    }

    private static GenerativeAnswerer Answerer(string reply) =>
        new(new ScriptedChatClient(reply), new PassthroughPromptBuilder(), MultilingualAnalyzer.Default, NullLogger<GenerativeAnswerer>.Instance);

    private static async Task<GroundedAnswer> Final(GenerativeAnswerer answerer)
    {
        GroundedAnswer? final = null;
        await foreach (var update in answerer.AnswerAsync(new AskRequest("What is self-attention?"), "en", Context))
        {
            final = update.Completed ?? final;
        }

        return final!;
    }

    private static ScoredChunk Scored(string documentId, string text) =>
        new(new Chunk($"{documentId}:0", documentId, 0, text, $"/docs/{documentId}.md", documentId, "", null, 0, text.Length, 20), 1);

    /// <summary>Replies with a fixed text, streamed word by word, like a model would.</summary>
    private sealed class ScriptedChatClient(string reply) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var piece in System.Text.RegularExpressions.Regex.Split(reply, @"(?<= )"))
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class PassthroughPromptBuilder : IRagPromptBuilder
    {
        public Task<IReadOnlyList<ChatMessage>> BuildAsync(AskRequest request, string language, IReadOnlyList<ScoredChunk> context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ChatMessage>>([new ChatMessage(ChatRole.User, request.Question)]);
    }
}
