using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace RagPlatform.Prompts.Rendering;

/// <summary>
/// Makes untrusted text (documents, questions) safe to place inside a delimited section of a prompt. Semantic
/// Kernel already HTML-encodes variable values, which stops them from forming new &lt;message&gt; elements; this
/// adds what it cannot know about: the section tags a template uses (so data cannot close its own section or open
/// another) and characters XML forbids (which would make the chat prompt unparseable and silently flatten it).
/// </summary>
internal static class PromptDataSanitizer
{
    /// <returns>A pattern matching the '&lt;' that opens any of the tags, or null when there are none.</returns>
    public static Regex? CreateDelimiterPattern(IEnumerable<string> tagNames)
    {
        var alternatives = tagNames.Distinct(StringComparer.OrdinalIgnoreCase).Select(Regex.Escape).ToList();
        return alternatives.Count == 0
            ? null
            : new Regex(
                $@"<(?=\s*/?\s*(?:{string.Join('|', alternatives)})(?![\w-]))",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>Replaces the '&lt;' of each delimiter tag with "&amp;lt;" and drops characters XML cannot carry.</summary>
    public static string Sanitize(string text, Regex? delimiterPattern)
    {
        var valid = RemoveInvalidXmlCharacters(text);
        return delimiterPattern is null ? valid : delimiterPattern.Replace(valid, "&lt;");
    }

    private static string RemoveInvalidXmlCharacters(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (XmlConvert.IsXmlChar(character))
            {
                builder.Append(character);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], character))
            {
                builder.Append(character).Append(text[i + 1]);
                i++;
            }
            else
            {
                // Control characters such as the form feeds PDF extraction leaves between pages separate words.
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
