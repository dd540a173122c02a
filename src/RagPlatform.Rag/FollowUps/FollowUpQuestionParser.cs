using System.Text.RegularExpressions;

namespace RagPlatform.Rag.FollowUps;

/// <summary>
/// Reads the questions out of a model's follow-up reply. Models number them in many ways ("1.", "2)", "- ",
/// "**Q3:**"), add a preamble, or put them all on one line; a line counts when it was a list item or ends with a
/// question mark, so "Here are three questions:" is not mistaken for one.
/// </summary>
internal static partial class FollowUpQuestionParser
{
    private const int MinLength = 6;
    private const int MaxLength = 300;

    public static IReadOnlyList<string> Parse(string reply, string answeredQuestion, int max)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(answeredQuestion) };
        var questions = new List<string>();
        foreach (var line in reply.ReplaceLineEndings("\n").Split('\n').SelectMany(line => InlineItemBreak().Split(line)))
        {
            var marker = ListMarker().Match(line);
            var text = Clean(line[marker.Length..]);
            var looksLikeQuestion = text.EndsWith('?') || text.EndsWith('？');
            if ((marker.Length > 0 || looksLikeQuestion) && !text.EndsWith(':') && text.Length is >= MinLength and <= MaxLength && seen.Add(Key(text)))
            {
                questions.Add(text);
                if (questions.Count == max)
                {
                    break;
                }
            }
        }

        return questions;
    }

    private static string Clean(string text) =>
        CitationMarker().Replace(text, "").Trim().Trim('*', '_', '"', '\'', '“', '”', '‘', '’', '`').Trim();

    /// <summary>Case, spacing and end punctuation do not make two questions different.</summary>
    private static string Key(string question) =>
        Whitespace().Replace(question.Trim().TrimEnd('?', '？', '.', '!', ' ').ToLowerInvariant(), " ");

    [GeneratedRegex(@"^\s*(?:[-*•]\s*|\**\s*(?:q(?:uestion)?\s*)?\(?\d{1,2}\s*[.):\-]\**\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<=[?？])\s+(?=\(?\d{1,2}[.)]\s)")]
    private static partial Regex InlineItemBreak();

    [GeneratedRegex(@"\s*\[\d{1,3}\]")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
