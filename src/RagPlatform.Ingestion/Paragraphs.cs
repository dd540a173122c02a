using System.Text.RegularExpressions;

namespace RagPlatform.Ingestion;

internal static partial class Paragraphs
{
    /// <summary>Splits plain text on blank lines (any line ending, whitespace-only lines count as blank).</summary>
    public static IEnumerable<string> SplitOnBlankLines(string text) =>
        BlankLine().Split(text).Where(paragraph => !string.IsNullOrWhiteSpace(paragraph));

    [GeneratedRegex(@"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)\s*")]
    private static partial Regex BlankLine();
}
