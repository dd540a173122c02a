using RagPlatform.Core.Retrieval;

namespace RagPlatform.Core.Answers;

/// <summary>A question plus the conversation so far and per-request retrieval settings.</summary>
/// <param name="History">Earlier turns, oldest first; used to resolve follow-up questions.</param>
/// <param name="TopK">Chunks to retrieve; null uses the configured default.</param>
/// <param name="PromptComponents">Prompt-library choices by component name (persona, tone, …); empty uses defaults.</param>
/// <param name="Weights">Hybrid fusion weights; null uses the configured ones.</param>
public sealed record AskRequest(
    string Question,
    IReadOnlyList<ConversationTurn>? History = null,
    int? TopK = null,
    SearchFilter? Filter = null,
    IReadOnlyDictionary<string, string>? PromptComponents = null,
    FusionWeights? Weights = null);

/// <summary>One earlier exchange of a conversation.</summary>
public sealed record ConversationTurn(string Question, string Answer);
