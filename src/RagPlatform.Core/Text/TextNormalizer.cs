using System.Runtime.CompilerServices;
using System.Text;

[assembly: InternalsVisibleTo("RagPlatform.Core.Tests")]

namespace RagPlatform.Core.Text;

/// <summary>First analysis step: Unicode compatibility composition (NFKC) and invariant lower-casing.</summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ComposeCompatibility(text).ToLowerInvariant();
    }

    private static string ComposeCompatibility(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Text extracted from PDFs can carry lone surrogates, which Normalize rejects; they cannot be words anyway.
            return ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormKC);
        }
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? ' ' : c);
            }
        }

        return builder.ToString();
    }
}
