using Microsoft.SemanticKernel.ChatCompletion;
using RagPlatform.Core.Answers;

namespace RagPlatform.Prompts;

/// <summary>
/// A ready-to-send prompt. Both texts are final plain text: send them as message content, never feed them to a
/// prompt template engine again (they contain document text, which must not be evaluated as template code).
/// </summary>
public sealed record ComposedPrompt(string SystemPrompt, string UserPrompt)
{
    /// <summary>Earlier turns, oldest first; they go between the system prompt and the new user prompt.</summary>
    public IReadOnlyList<ConversationTurn> History { get; init; } = [];

    /// <summary>True when a selected requirement asks for [n] citations, so the instructions demand them.</summary>
    public bool CitationsRequired { get; init; }

    /// <summary>A new chat history: the system prompt, each history turn as a user and an assistant message, then the user prompt.</summary>
    public ChatHistory ToChatHistory()
    {
        var chat = new ChatHistory(SystemPrompt);
        foreach (var turn in History)
        {
            chat.AddUserMessage(turn.Question);
            chat.AddAssistantMessage(turn.Answer);
        }

        chat.AddUserMessage(UserPrompt);
        return chat;
    }
}
