using Microsoft.Extensions.AI;
using RagPlatform.Experiments.Results;

namespace RagPlatform.Experiments.Running;

/// <summary>
/// The seed for, and the record of, the generator calls made while answering one question. It flows with the
/// async context from the runner down to <see cref="SeededRecordingChatClient"/>, so no service in between changes.
/// </summary>
internal sealed class GenerationScope : IDisposable
{
    private static readonly AsyncLocal<GenerationScope?> CurrentScope = new();

    private readonly GenerationScope? _outer;

    private GenerationScope(long seed, GenerationScope? outer)
    {
        Seed = seed;
        _outer = outer;
    }

    public static GenerationScope? Current => CurrentScope.Value;

    public long Seed { get; }

    /// <summary>The messages of the last generator call; null when no generator was called (extractive answers).</summary>
    public IReadOnlyList<PromptMessage>? Prompt { get; private set; }

    public static GenerationScope Begin(long seed)
    {
        var scope = new GenerationScope(seed, CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    public void Record(IEnumerable<ChatMessage> messages)
    {
        Prompt = messages.Select(message => new PromptMessage(message.Role.Value, message.Text)).ToList();
    }

    public void Dispose() => CurrentScope.Value = _outer;
}

/// <summary>Passes the current <see cref="GenerationScope"/>'s seed with every request and records the messages sent.</summary>
internal sealed class SeededRecordingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (sent, seeded) = Prepare(messages, options);
        return base.GetResponseAsync(sent, seeded, cancellationToken);
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (sent, seeded) = Prepare(messages, options);
        return base.GetStreamingResponseAsync(sent, seeded, cancellationToken);
    }

    private static (IReadOnlyList<ChatMessage> Messages, ChatOptions? Options) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        if (GenerationScope.Current is not { } scope)
        {
            return (list, options);
        }

        scope.Record(list);
        var seeded = options?.Clone() ?? new ChatOptions();
        seeded.Seed = scope.Seed;
        return (list, seeded);
    }
}
