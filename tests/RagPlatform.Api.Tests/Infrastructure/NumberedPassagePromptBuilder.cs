using System.Text;
using Microsoft.Extensions.AI;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Rag.Answering;

namespace RagPlatform.Api.Tests.Infrastructure;

/// <summary>
/// A minimal RAG prompt: numbered passages then the question. The application layer has no prompt builder
/// registered yet, so tests that need generative answering register this one.
/// </summary>
internal sealed class NumberedPassagePromptBuilder : IRagPromptBuilder
{
    public IReadOnlyList<ChatMessage> Build(AskRequest request, string language, IReadOnlyList<ScoredChunk> context)
    {
        var user = new StringBuilder();
        for (var i = 0; i < context.Count; i++)
        {
            user.Append('[').Append(i + 1).Append("] ").AppendLine(context[i].Chunk.Text.ReplaceLineEndings(" "));
        }

        user.Append("Question: ").Append(request.Question);
        return [new ChatMessage(ChatRole.System, "Answer from the numbered passages and cite them as [n]."), new ChatMessage(ChatRole.User, user.ToString())];
    }
}
