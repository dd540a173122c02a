using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Prompts;

namespace RagPlatform.Rag.Answering;

/// <summary>
/// Builds the generator's messages with the prompt library: the system prompt from the request's persona, tone,
/// organization, medium, purpose and requirements (defaults when unset), then the conversation, then the question
/// with the retrieved passages numbered [1]..[n] in retrieval order, so the model's [n] maps to context item n. The
/// answer template is Answering:PromptTemplate ("rag-answer" unless configured).
/// </summary>
public sealed class ComposedRagPromptBuilder(PromptComposer composer, IOptions<AnsweringOptions> options) : IRagPromptBuilder
{
    public async Task<IReadOnlyList<ChatMessage>> BuildAsync(
        AskRequest request, string language, IReadOnlyList<ScoredChunk> context, CancellationToken cancellationToken)
    {
        var selection = PromptSelection.FromComponents(request.PromptComponents, language);
        var passages = context.Select(c => ContextPassage.FromChunk(c.Chunk)).ToList();
        var prompt = await composer.ComposeAnswerPromptAsync(options.Value.PromptTemplate, selection, request.Question, passages, request.History, cancellationToken).ConfigureAwait(false);

        var messages = new List<ChatMessage> { new(ChatRole.System, prompt.SystemPrompt) };
        foreach (var turn in prompt.History)
        {
            messages.Add(new ChatMessage(ChatRole.User, turn.Question));
            messages.Add(new ChatMessage(ChatRole.Assistant, turn.Answer));
        }

        messages.Add(new ChatMessage(ChatRole.User, prompt.UserPrompt));
        return messages;
    }
}
