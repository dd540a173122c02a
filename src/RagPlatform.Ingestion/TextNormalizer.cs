using System.Text;

namespace RagPlatform.Ingestion;

/// <summary>
/// Canonical text for indexing: line endings unified to \n, Unicode NFC, control and invisible characters removed
/// (except \n and \t), runs of spaces/tabs collapsed, lines trimmed, at most one blank line in a row.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => Normalize(text, maxConsecutiveNewlines: 2);

    /// <summary>Normalises and removes blank lines, so that "\n\n" only ever separates blocks of a document.</summary>
    internal static string NormalizeBlock(string text) => Normalize(text, maxConsecutiveNewlines: 1);

    /// <summary>Normalises to a single line (titles, headings).</summary>
    internal static string NormalizeLine(string text) => Normalize(text, maxConsecutiveNewlines: 0);

    private static string Normalize(string text, int maxConsecutiveNewlines)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        char? pendingSpace = null;
        var pendingNewlines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (IsLineBreak(c))
            {
                pendingSpace = null;
                pendingNewlines++;
                continue;
            }

            if (c is ' ' or '\t' || (char.IsWhiteSpace(c) && !char.IsControl(c)))
            {
                pendingSpace ??= c == '\t' ? '\t' : ' ';
                continue;
            }

            if (IsRemoved(text, i))
            {
                continue;
            }

            if (result.Length > 0)
            {
                if (pendingNewlines > 0)
                {
                    result.Append(maxConsecutiveNewlines == 0 ? " " : new string('\n', Math.Min(pendingNewlines, maxConsecutiveNewlines)));
                }
                else if (pendingSpace is { } space)
                {
                    result.Append(space);
                }
            }

            pendingSpace = null;
            pendingNewlines = 0;
            result.Append(c);
            if (char.IsHighSurrogate(c))
            {
                result.Append(text[++i]);
            }
        }

        var normalized = result.ToString();
        return normalized.IsNormalized(NormalizationForm.FormC) ? normalized : normalized.Normalize(NormalizationForm.FormC);
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' or '\v' or '\f';

    /// <summary>Controls, lone surrogates and invisible characters that only break tokenisation and matching.</summary>
    private static bool IsRemoved(string text, int index)
    {
        var c = text[index];
        if (char.IsControl(c) || c is '\uFEFF' or '\u00AD' or '\u200B')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }

        return char.IsLowSurrogate(c);
    }
}
