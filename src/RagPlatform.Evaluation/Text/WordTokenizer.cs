using System.Globalization;
using System.Text;

namespace RagPlatform.Evaluation.Text;

/// <summary>
/// Lower-cased runs of letters and digits (any script). Used wherever the evaluation needs "words" without
/// committing to a language: passage relevance, claim/context overlap and key-token checks.
/// </summary>
internal static class WordTokenizer
{
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var character in text)
        {
            if (char.IsLetterOrDigit(character) || IsCombiningMark(character))
            {
                current.Append(char.ToLowerInvariant(character));
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Lower-cases and collapses every whitespace run to one space.</summary>
    public static string NormalizeSpacing(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static bool HasDigit(string token) => token.Any(char.IsDigit);

    private static bool IsCombiningMark(char character) =>
        CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
