using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace RagPlatform.Api.Tests.Infrastructure;

/// <summary>
/// A deterministic chat model: replies "You said: &lt;last user message&gt;" one word per update, honours
/// MaxOutputTokens (one word = one token) and stop sequences, reports usage in words, and records what it was asked.
/// </summary>
internal sealed class EchoChatClient(string? modelId = EchoChatClient.DefaultModelId, int? failAfterWords = null) : IChatClient
{
    public const string DefaultModelId = "echo-chat";

    public ChatOptions? LastOptions { get; private set; }

    public IReadOnlyList<ChatMessage> LastMessages { get; private set; } = [];

    public static string ReplyTo(string userText) => $"You said: {userText}";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        LastMessages = [.. messages];
        LastOptions = options;
        var reply = ReplyTo(LastMessages.Last(m => m.Role == ChatRole.User).Text);
        var finish = ChatFinishReason.Stop;
        foreach (var stop in options?.StopSequences ?? [])
        {
            var at = reply.IndexOf(stop, StringComparison.Ordinal);
            reply = at >= 0 ? reply[..at] : reply;
        }

        var words = reply.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (options?.MaxOutputTokens is { } max && words.Length > max)
        {
            words = words[..max];
            finish = ChatFinishReason.Length;
        }

        for (var i = 0; i < words.Length; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            if (i == failAfterWords)
            {
                throw new InvalidOperationException("The echo model broke down mid-answer.");
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? words[i] : " " + words[i]) { ModelId = modelId };
        }

        var promptWords = LastMessages.Sum(m => m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails
        {
            InputTokenCount = promptWords,
            OutputTokenCount = words.Length,
            TotalTokenCount = promptWords + words.Length,
        })])
        {
            FinishReason = finish,
            ModelId = modelId,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("echo", null, modelId)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
