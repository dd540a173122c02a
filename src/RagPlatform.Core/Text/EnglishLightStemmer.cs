using System.Buffers;

namespace RagPlatform.Core.Text;

/// <summary>
/// A light English stemmer: conflates plurals (-s, -es, -ies), -ing, -ed, -ly, -ness and a silent final e, so that
/// "embeddings", "embedding", "embedded" and "embed" meet. Every step keeps a minimum stem and leaves words it
/// cannot safely analyse unchanged; it never needs a dictionary.
/// </summary>
internal static class EnglishLightStemmer
{
    private const int MinimumStemLength = 4;

    // In English "y" acts as a vowel ("typed" → "typ", like "type" → "typ").
    private static readonly SearchValues<char> VowelsAndY = SearchValues.Create("aeiouy");

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3 || !AsciiWord.IsLowercaseLetters(word))
        {
            return word;
        }

        var stem = RemovePlural(word);
        stem = RemoveDerivation(stem);
        return RemoveSilentE(stem);
    }

    private static string RemovePlural(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length >= 5 && word[^4] is not ('a' or 'e'))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) ||
            word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) ||
            word.EndsWith("zzes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        var isPlainPlural = word.Length >= 4 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i');
        return isPlainPlural ? word[..^1] : word;
    }

    private static string RemoveDerivation(string word)
    {
        if (word.EndsWith("ness", StringComparison.Ordinal) && word.Length - 4 >= 3)
        {
            return word[..^4];
        }

        // "family", "supply", "simply", "assembly": -ly after these letters is part of the word.
        if (word.EndsWith("ly", StringComparison.Ordinal) && word.Length - 2 >= MinimumStemLength && word[^3] is not ('i' or 'p' or 'b'))
        {
            return word[..^2];
        }

        if (word.EndsWith("ied", StringComparison.Ordinal) && word.Length >= 5)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && IsRemovableVerbEnding(word, 3))
        {
            return Undouble(word[..^3]);
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word[^3] != 'e' && IsRemovableVerbEnding(word, 2))
        {
            return Undouble(word[..^2]);
        }

        return word;
    }

    private static string RemoveSilentE(string word) =>
        word[^1] == 'e' && IsRemovableVerbEnding(word, 1) ? word[..^1] : word;

    // A long remainder is always a stem. A short one ("us", "tun", "cod") only when it ends vowel + consonant, the
    // shape a silent-e word takes ("use", "tune", "code"); that keeps "embed", "thing" and "shred" whole.
    private static bool IsRemovableVerbEnding(string word, int endingLength)
    {
        var stem = word.AsSpan(0, word.Length - endingLength);
        if (stem.IndexOfAny(VowelsAndY) < 0)
        {
            return false;
        }

        if (stem.Length >= MinimumStemLength)
        {
            return true;
        }

        return stem.Length >= 2 && VowelsAndY.Contains(stem[^2]) && !VowelsAndY.Contains(stem[^1]);
    }

    // "embedd" → "embed", "runn" → "run"; l, s and z stay doubled ("fall", "pass", "buzz").
    private static string Undouble(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && !AsciiWord.IsVowel(stem[^1]) && stem[^1] is not ('l' or 's' or 'z')
            ? stem[..^1]
            : stem;
}
