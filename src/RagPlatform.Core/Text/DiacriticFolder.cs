using System.Text;

namespace RagPlatform.Core.Text;

/// <summary>Removes accents from Latin-script words ("résumé" → "resume", "straße" → "strasse").</summary>
internal static class DiacriticFolder
{
    // Only the Combining Diacritical Marks block is dropped: marks of other scripts (Devanagari vowel signs, Arabic
    // harakat) carry meaning, and dropping them would merge different words.
    private const char FirstCombiningDiacritic = '\u0300';
    private const char LastCombiningDiacritic = '\u036F';

    public static string Fold(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (Ascii.IsValid(token))
        {
            return token;
        }

        var decomposed = ReplaceLettersWithoutDecomposition(token).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is < FirstCombiningDiacritic or > LastCombiningDiacritic)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // Letters that Unicode does not decompose into base + mark, so NFD alone would leave them accented.
    private static string ReplaceLettersWithoutDecomposition(string token)
    {
        if (token.AsSpan().IndexOfAny("ßæœøłđıþð") < 0)
        {
            return token;
        }

        var builder = new StringBuilder(token.Length + 4);
        foreach (var c in token)
        {
            var replacement = c switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'ı' => "i",
                'þ' => "th",
                'ð' => "d",
                _ => null,
            };

            if (replacement is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(replacement);
            }
        }

        return builder.ToString();
    }
}
