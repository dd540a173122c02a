using System.Text.Json.Serialization;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Web.Data;

/// <summary>A conversation as the sidebar lists it.</summary>
public sealed record ConversationSummary(Guid Id, string Title, DateTimeOffset UpdatedAt);

/// <summary>Per-conversation answering settings: retrieval depth, hybrid balance and prompt-library choices.</summary>
/// <param name="TopK">Passages to retrieve; null uses the configured Retrieval:TopK.</param>
/// <param name="PromptComponents">Prompt-library component names by kind ("persona", "tone", …); missing kinds use the defaults.</param>
/// <param name="HybridWeight">Hybrid search balance, 0 (keyword only) to 1 (semantic only); null uses the configured weights.</param>
public sealed record ConversationSettings(int? TopK, IReadOnlyDictionary<string, string> PromptComponents, double? HybridWeight = null)
{
    public const int MinTopK = 1;
    public const int MaxTopK = 20;

    /// <summary>The fusion weights to ask with; null when unset or when the stored value is outside 0–1.</summary>
    [JsonIgnore]
    public FusionWeights? Weights => HybridWeight is double share && FusionWeights.IsDenseShare(share) ? FusionWeights.FromDenseShare(share) : null;

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
/// <param name="Settings">The conversation's settings when the question was asked; null for exchanges saved before they were recorded.</param>
public sealed record ChatExchange(
    string Question,
    string AnswerText,
    GroundedAnswer? Answer,
    ExchangeStatus Status,
    string? Error,
    DateTimeOffset AskedAt,
    ConversationSettings? Settings = null);

/// <summary>A saved conversation with its exchanges in order.</summary>
public sealed record Conversation(Guid Id, string Title, ConversationSettings Settings, IReadOnlyList<ChatExchange> Exchanges);
