using RagPlatform.Core.Answers;

namespace RagPlatform.Web.Data;

/// <summary>A conversation as the sidebar lists it.</summary>
public sealed record ConversationSummary(Guid Id, string Title, DateTimeOffset UpdatedAt);

/// <summary>Per-conversation answering settings: retrieval depth and prompt-library choices.</summary>
/// <param name="TopK">Passages to retrieve; null uses the configured Retrieval:TopK.</param>
/// <param name="PromptComponents">Prompt-library component names by kind ("persona", "tone", …); missing kinds use the defaults.</param>
public sealed record ConversationSettings(int? TopK, IReadOnlyDictionary<string, string> PromptComponents)
{
    public const int MinTopK = 1;
    public const int MaxTopK = 20;

    public static ConversationSettings Default { get; } = new(null, new Dictionary<string, string>());
}

/// <summary>How an exchange ended.</summary>
public enum ExchangeStatus
{
    Completed,

    /// <summary>The user stopped the answer; its text is what had arrived by then.</summary>
    Stopped,

    Failed,
}

/// <summary>One question and its answer, as saved.</summary>
/// <param name="Answer">The grounded answer with citations and context; null unless <see cref="Status"/> is Completed.</param>
/// <param name="Error">What went wrong, for a failed exchange.</param>
public sealed record ChatExchange(
    string Question,
    string AnswerText,
    GroundedAnswer? Answer,
    ExchangeStatus Status,
    string? Error,
    DateTimeOffset AskedAt);

/// <summary>A saved conversation with its exchanges in order.</summary>
public sealed record Conversation(Guid Id, string Title, ConversationSettings Settings, IReadOnlyList<ChatExchange> Exchanges);
