using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace RagPlatform.Prompts.Tests.Support;

/// <summary>A chat model stand-in that records every request and replies with a fixed text.</summary>
internal sealed class RecordingChatCompletionService(string reply) : IChatCompletionService
{
    private readonly List<ChatHistory> requests = [];

    public IReadOnlyList<ChatHistory> Requests => requests;

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        requests.Add(chatHistory);
        return Task.FromResult<IReadOnlyList<ChatMessageContent>>([new ChatMessageContent(AuthorRole.Assistant, reply)]);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        requests.Add(chatHistory);
        await Task.Yield();
        yield return new StreamingChatMessageContent(AuthorRole.Assistant, reply);
    }
}
