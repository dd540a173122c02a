using RagPlatform.Core.Answers;
using RagPlatform.Core.Text;

namespace RagPlatform.Rag.Answering;

/// <summary>
/// Turns a follow-up question into a self-contained search query. "And how is it trained?" says too little to
/// retrieve on, so a short or pronoun-led follow-up is searched together with the previous question.
/// </summary>
internal static class ConversationQuery
{
    private const int SelfContainedTermCount = 3;

    private static readonly HashSet<string> ReferringWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "this", "that", "these", "those", "they", "them", "their", "itu", "ini", "tersebut", "nya", "mereka",
    };

    public static string Build(string question, IReadOnlyList<ConversationTurn>? history, ITextAnalyzer analyzer)
    {
        if (history is not { Count: > 0 })
        {
            return question;
        }

        var words = question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('?', '.', ',', '!', ':', ';', '"', '\''));
        var refersBack = words.Any(w => ReferringWords.Contains(w) || w.EndsWith("nya", StringComparison.OrdinalIgnoreCase));
        var isShort = analyzer.Analyze(question).Count < SelfContainedTermCount;
        return refersBack || isShort ? $"{history[^1].Question} {question}" : question;
    }
}
