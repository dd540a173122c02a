using System.Text;
using System.Text.RegularExpressions;

namespace RagPlatform.Prompts.Rendering;

/// <summary>
/// Lays out retrieved passages as numbered &lt;document id="n" source="…"&gt; sections; the number is the citation
/// number. Passage text cannot close its section or forge another: document tags inside it are escaped.
/// </summary>
internal static partial class ContextFormatter
{
    public const string DocumentTag = "document";

    private static readonly Regex DocumentTagPattern = PromptDataSanitizer.CreateDelimiterPattern([DocumentTag])!;

    public static string Format(IReadOnlyList<ContextPassage> passages)
    {
        var builder = new StringBuilder();
        for (var index = 0; index < passages.Count; index++)
        {
            var passage = passages[index];
            if (index > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append($"<{DocumentTag} id=\"{index + 1}\" source=\"{FormatSource(passage.Source)}\">\n")
                .Append(EscapeDocumentTags(passage.Text.Trim()))
                .Append($"\n</{DocumentTag}>");
        }

        return builder.ToString();
    }

    /// <summary>Escapes document tags in text shown next to the context, so that it cannot forge a passage either.</summary>
    public static string EscapeDocumentTags(string text) => PromptDataSanitizer.Sanitize(text, DocumentTagPattern);

    private static string FormatSource(string source) =>
        Whitespace().Replace(source, " ").Trim().Replace("\"", "&quot;").Replace("<", "&lt;");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
