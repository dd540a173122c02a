using System.Buffers;

namespace RagPlatform.Core.Text;

/// <summary>
/// A light, dictionary-free Indonesian stemmer after Nazief–Adriani: particles (-lah, -kah, -tah, -pun), possessives
/// (-ku, -mu, -nya), derivational suffixes (-kan, -an, -i) and up to two prefixes (meN-/peN- with their sound
/// changes, di-, ter-, ber-, per-, ke-, se-). "menggunakan", "digunakan" and "penggunaan" all become "guna".
/// Without a dictionary every step is guarded: a minimum root length, the prefix–suffix pairs the language allows,
/// and a refusal to touch words spelled in ways Indonesian words are not (so "search" never loses "se-").
/// </summary>
internal static class IndonesianLightStemmer
{
    private const int MinimumRootLength = 4;

    // A bare "-an" ending belongs to the root more often than not ("simpan", "jalan", "bagian").
    private const int MinimumRootLengthForBareAn = 5;

    // Many roots end in "-lah", "-ku" or "-mu" ("masalah", "istilah", "buku", "ilmu"); these endings are rare in
    // expository text, so they are only removed from long words.
    private const int MinimumLengthBeforeRareEnding = 5;

    private static readonly string[] Particles = ["lah", "kah", "tah", "pun"];
    private static readonly string[] DerivationalSuffixes = ["kan", "an", "i", ""];

    private static readonly SearchValues<string> ForeignLetterGroups = SearchValues.Create(
        ["q", "x", "th", "ph", "sh", "ch", "ck", "wh", "ee", "oo", "ea", "ou", "tion", "sion"],
        StringComparison.Ordinal);

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= MinimumRootLength || !AsciiWord.IsLowercaseLetters(word) || HasNonIndonesianSpelling(word))
        {
            return word;
        }

        var withoutInflection = RemovePossessive(RemoveParticle(word), out var removedNya);
        var analysed = TryRemoveDerivation(withoutInflection, removedNya, out var stem);

        // What looked like an inflection may end the root: "bertanya" is ber- + "tanya", not "berta" + -nya, and
        // "berlaku" is ber- + "laku". The sign is a prefix-like start left on a root too short to carry it.
        var leftPrefixLikeStart = !analysed || (stem == withoutInflection && MatchPrefix(stem) is not null);
        if (leftPrefixLikeStart && withoutInflection.Length != word.Length &&
            TryRemoveDerivation(word, removedNya: false, out var wholeWordStem) && wholeWordStem.Length < word.Length)
        {
            return wholeWordStem;
        }

        return analysed ? stem : withoutInflection;
    }

    private static string RemoveParticle(string word)
    {
        foreach (var particle in Particles)
        {
            if (word.EndsWith(particle, StringComparison.Ordinal) && word.Length - particle.Length >= MinimumLengthBeforeRareEnding)
            {
                return word[..^particle.Length];
            }
        }

        return word;
    }

    private static string RemovePossessive(string word, out bool removedNya)
    {
        removedNya = word.EndsWith("nya", StringComparison.Ordinal) && word.Length - 3 >= MinimumRootLength;
        if (removedNya)
        {
            return word[..^3];
        }

        var hasRarePossessive = (word.EndsWith("ku", StringComparison.Ordinal) || word.EndsWith("mu", StringComparison.Ordinal)) &&
            word.Length - 2 >= MinimumLengthBeforeRareEnding;
        return hasRarePossessive ? word[..^2] : word;
    }

    private static bool TryRemoveDerivation(string word, bool removedNya, out string stem)
    {
        foreach (var suffix in DerivationalSuffixes)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var body = word[..^suffix.Length];
            // Roots ending in "-ai" ("pakai", "capai", "mulai") outnumber suffixed "-a" roots in technical text, and
            // "-si" ends loanwords ("evaluasi", "informasi") far more often than it is root + -i.
            if (suffix == "i" && (body.EndsWith('a') || body.EndsWith('s')))
            {
                continue;
            }

            if (TryRemovePrefixes(body, suffix, removedNya, out stem))
            {
                return true;
            }
        }

        stem = word;
        return false;
    }

    private static bool TryRemovePrefixes(string body, string suffix, bool removedNya, out string stem)
    {
        var outer = MatchPrefix(body);
        if (outer is not { } prefix || prefix.RootLength(body) < MinimumRootLength)
        {
            // Too short to be prefix + root, so the start is part of the root ("disk", "kedua").
            stem = body;
            var minimum = suffix == "an" ? MinimumRootLengthForBareAn : MinimumRootLength;
            return suffix != "i" && body.Length >= minimum;
        }

        if (!IsAllowed(prefix.Kind, suffix, removedNya))
        {
            stem = body;
            return false;
        }

        stem = prefix.Remove(body);
        if (MatchPrefix(stem) is { Kind: PrefixKind.Ber or PrefixKind.Per or PrefixKind.PeN or PrefixKind.Ter } inner &&
            inner.RootLength(stem) >= MinimumRootLength)
        {
            stem = inner.Remove(stem);
        }

        return true;
    }

    // The prefix–suffix combinations Indonesian forms; others (me-…-an, ke-…-kan, be-…-i) mean the guess was wrong.
    private static bool IsAllowed(PrefixKind prefix, string suffix, bool removedNya) => prefix switch
    {
        PrefixKind.MeN or PrefixKind.Di or PrefixKind.Ter => suffix is "" or "kan" or "i",
        PrefixKind.Ber => suffix is "" or "kan" or "an",
        PrefixKind.PeN => suffix is "" or "an",
        PrefixKind.Per => true,
        // Bare ke- and se- begin too many roots ("kernel", "kelas", "sekolah", "server"); only their confixes count.
        PrefixKind.Ke => suffix == "an",
        PrefixKind.Se => suffix == "" && removedNya,
        _ => false,
    };

    private static PrefixMatch? MatchPrefix(string word)
    {
        if (word.StartsWith("me", StringComparison.Ordinal))
        {
            return MatchNasalPrefix(word, PrefixKind.MeN);
        }

        if (word.StartsWith("per", StringComparison.Ordinal))
        {
            return new PrefixMatch(PrefixKind.Per, 3);
        }

        if (word.StartsWith("pe", StringComparison.Ordinal))
        {
            return MatchAjar(word, PrefixKind.PeN) ?? MatchNasalPrefix(word, PrefixKind.PeN) ?? MatchBeforeCer(word, PrefixKind.PeN);
        }

        if (word.StartsWith("ber", StringComparison.Ordinal))
        {
            return new PrefixMatch(PrefixKind.Ber, 3);
        }

        if (word.StartsWith("be", StringComparison.Ordinal))
        {
            return MatchAjar(word, PrefixKind.Ber) ?? MatchBeforeCer(word, PrefixKind.Ber);
        }

        if (word.StartsWith("ter", StringComparison.Ordinal))
        {
            return new PrefixMatch(PrefixKind.Ter, 3);
        }

        return word.Length < 2 ? null : word[..2] switch
        {
            "di" => new PrefixMatch(PrefixKind.Di, 2),
            "ke" => new PrefixMatch(PrefixKind.Ke, 2),
            "se" => new PrefixMatch(PrefixKind.Se, 2),
            _ => null,
        };
    }

    // meN- and peN- assimilate to the root's first sound, which is sometimes dropped: mem+pakai → memakai.
    private static PrefixMatch? MatchNasalPrefix(string word, PrefixKind kind)
    {
        var (second, third, fourth) = (At(word, 2), At(word, 3), At(word, 4));
        return (second, third) switch
        {
            ('n', 'g') when fourth is 'g' or 'h' or 'k' or 'q' => new PrefixMatch(kind, 4),
            // Roots rarely begin with "e", while k-roots lose their k: mengembangkan ← kembang, mengenal ← kenal.
            ('n', 'g') when fourth == 'e' => new PrefixMatch(kind, 4, 'k'),
            ('n', 'g') when AsciiWord.IsVowel(fourth) => new PrefixMatch(kind, 4),
            ('n', 'y') when AsciiWord.IsVowel(fourth) => new PrefixMatch(kind, 4, 's'),
            ('m', 'b' or 'f' or 'v' or 'p') => new PrefixMatch(kind, 3),
            ('m', _) when AsciiWord.IsVowel(third) => new PrefixMatch(kind, 3, 'p'),
            ('n', 'c' or 'd' or 'j' or 'z') => new PrefixMatch(kind, 3),
            ('n', _) when AsciiWord.IsVowel(third) => new PrefixMatch(kind, 3, 't'),
            ('l' or 'r' or 'w' or 'y', _) when AsciiWord.IsVowel(third) => new PrefixMatch(kind, 2),
            _ => null,
        };
    }

    // ber- and peN- become bel-/pel- before "ajar": belajar, pelajaran, pembelajaran.
    private static PrefixMatch? MatchAjar(string word, PrefixKind kind) =>
        word.AsSpan(2).StartsWith("lajar", StringComparison.Ordinal) ? new PrefixMatch(kind, 3) : null;

    // be- and pe- before a root of the shape C-er…: bekerja, pekerja ← kerja; peserta ← serta.
    private static PrefixMatch? MatchBeforeCer(string word, PrefixKind kind) =>
        AsciiWord.IsConsonant(At(word, 2)) && At(word, 3) == 'e' && At(word, 4) == 'r' ? new PrefixMatch(kind, 2) : null;

    private static char At(string word, int index) => index < word.Length ? word[index] : '\0';

    private static bool HasNonIndonesianSpelling(string word)
    {
        if (word.AsSpan().IndexOfAny(ForeignLetterGroups) >= 0 || word[^1] is 'c' or 'e' or 'f' or 'j' or 'v' or 'w' or 'y' or 'z')
        {
            return true;
        }

        // Indonesian words end in at most one consonant, apart from "ng" and the loan ending "ks" (teks, indeks).
        var (last, beforeLast) = (word[^1], word[^2]);
        if (AsciiWord.IsConsonant(last) && AsciiWord.IsConsonant(beforeLast) && (beforeLast, last) is not (('n', 'g') or ('k', 's')))
        {
            return true;
        }

        // Doubled consonants only arise from affixation in Indonesian: masuk+kan, meng+gunakan, dokumen+nya.
        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && AsciiWord.IsConsonant(word[i]) && word[i] is not ('k' or 'g' or 'n'))
            {
                return true;
            }
        }

        return false;
    }

    private enum PrefixKind
    {
        MeN,
        PeN,
        Di,
        Ter,
        Ber,
        Per,
        Ke,
        Se,
    }

    /// <param name="Length">Letters the prefix occupies.</param>
    /// <param name="RestoredInitial">The root's first letter the prefix replaced (mem+pakai → memakai), or '\0'.</param>
    private readonly record struct PrefixMatch(PrefixKind Kind, int Length, char RestoredInitial = '\0')
    {
        public int RootLength(string word) => word.Length - Length + (RestoredInitial == '\0' ? 0 : 1);

        public string Remove(string word)
        {
            if (RestoredInitial == '\0')
            {
                return word[Length..];
            }

            var initial = RestoredInitial;
            return string.Concat(new ReadOnlySpan<char>(in initial), word.AsSpan(Length));
        }
    }
}
