namespace RagPlatform.Benchmarks.Keyword;

internal enum Language
{
    English,
    Indonesian,
}

/// <summary>A made-up content word and the surface forms its language's morphology gives it, with their frequencies.</summary>
internal sealed class Lemma(string root, Language language, string[] forms, double[] formWeights)
{
    public string Root { get; } = root;

    public Language Language { get; } = language;

    /// <summary>The root first, then its inflected and derived forms.</summary>
    public IReadOnlyList<string> Forms => forms;

    /// <summary>One surface form, drawn by how often the language uses it.</summary>
    public string Inflect(Random random)
    {
        var target = random.NextDouble();
        for (var i = 0; i < forms.Length; i++)
        {
            target -= formWeights[i];
            if (target < 0)
            {
                return forms[i];
            }
        }

        return forms[^1];
    }
}

/// <summary>
/// Pronounceable pseudo-words with real English and Indonesian morphology: English nouns take plurals, verbs -s,
/// -ed and -ing with the spelling rules (silent e, consonant doubling, y → ie); Indonesian roots take meN-/peN- with
/// their sound changes (tulis → menulis, penulisan), di-, ber-, -kan, -an and -nya. Real text pairs a query's word
/// with a document's differently inflected one all the time, and that is what an analyzer's stemming is for; made-up
/// roots keep the corpus free of any real text while keeping that property.
/// </summary>
internal static class PseudoLexicon
{
    private const int MinimumLength = 4;
    private const int MaximumLength = 11;

    private static readonly string[] EnglishOnsets =
        ["b", "bl", "br", "c", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j", "k", "l", "m", "n", "p",
         "pl", "pr", "r", "s", "sc", "sk", "sl", "sp", "st", "str", "t", "tr", "v", "w", "z", ""];
    private static readonly string[] EnglishNuclei = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "oo", "ou"];
    private static readonly string[] EnglishCodas =
        ["", "", "n", "r", "t", "s", "l", "m", "nd", "nt", "st", "ck", "rk", "rt", "x", "p", "d", "g", "ss", "ll", "mp", "sh", "th"];

    private static readonly string[] IndonesianOnsets =
        ["b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny", "b", "d", "k", "p", "s", "t", ""];
    private static readonly string[] IndonesianVowels = ["a", "a", "a", "i", "i", "u", "u", "e", "o"];
    private static readonly string[] IndonesianCodas = ["", "", "", "", "n", "ng", "k", "r", "t", "s", "h", "l", "m", "p"];

    private static readonly double[] EnglishNounWeights = [0.65, 0.35];
    private static readonly double[] EnglishVerbWeights = [0.30, 0.15, 0.30, 0.25];
    private static readonly double[] IndonesianNounWeights = [0.60, 0.20, 0.10, 0.10];
    private static readonly double[] IndonesianVerbWeights = [0.25, 0.20, 0.15, 0.05, 0.10, 0.10, 0.10, 0.05];

    /// <param name="reserved">Words the lexicon must not produce (the function words), lower case.</param>
    public static IReadOnlyList<Lemma> Create(Language language, int count, IReadOnlySet<string> reserved, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var roots = new HashSet<string>(reserved, StringComparer.Ordinal);
        var lemmas = new List<Lemma>(count);
        while (lemmas.Count < count)
        {
            var root = language == Language.English ? EnglishRoot(random) : IndonesianRoot(random);
            if (root.Length is < MinimumLength or > MaximumLength || !roots.Add(root))
            {
                continue;
            }

            var isVerb = random.NextDouble() < 0.45;
            lemmas.Add(language == Language.English
                ? new Lemma(root, language, isVerb ? EnglishVerbForms(root) : [root, EnglishSForm(root)], isVerb ? EnglishVerbWeights : EnglishNounWeights)
                : new Lemma(root, language, isVerb ? IndonesianVerbForms(root) : IndonesianNounForms(root), isVerb ? IndonesianVerbWeights : IndonesianNounWeights));
        }

        return lemmas;
    }

    private static string EnglishRoot(Random random)
    {
        var syllables = random.NextDouble() switch { < 0.25 => 1, < 0.80 => 2, _ => 3 };
        var word = string.Concat(Enumerable.Range(0, syllables).Select(index =>
            Pick(EnglishOnsets, random) + Pick(EnglishNuclei, random) + (index == syllables - 1 || random.NextDouble() < 0.4 ? Pick(EnglishCodas, random) : "")));
        // A silent final e is common in English spelling ("code", "tune") and is what the -ed/-ing rules act on.
        return word.Length > 0 && !IsVowel(word[^1]) && random.NextDouble() < 0.15 ? word + "e" : word;
    }

    private static string IndonesianRoot(Random random)
    {
        var syllables = random.NextDouble() < 0.75 ? 2 : 3;
        return string.Concat(Enumerable.Range(0, syllables).Select(index =>
            Pick(IndonesianOnsets, random) + Pick(IndonesianVowels, random) + (index == syllables - 1 || random.NextDouble() < 0.2 ? Pick(IndonesianCodas, random) : "")));
    }

    private static string[] EnglishVerbForms(string root) => [root, EnglishSForm(root), EnglishEdForm(root), EnglishIngForm(root)];

    private static string EnglishSForm(string root)
    {
        if (root.EndsWith('s') || root.EndsWith('x') || root.EndsWith('z') || root.EndsWith("ch", StringComparison.Ordinal) || root.EndsWith("sh", StringComparison.Ordinal))
        {
            return root + "es";
        }

        return EndsWithConsonantY(root) ? root[..^1] + "ies" : root + "s";
    }

    private static string EnglishEdForm(string root) => root switch
    {
        _ when root.EndsWith('e') => root + "d",
        _ when EndsWithConsonantY(root) => root[..^1] + "ied",
        _ when DoublesFinalConsonant(root) => root + root[^1] + "ed",
        _ => root + "ed",
    };

    private static string EnglishIngForm(string root) => root switch
    {
        _ when root.EndsWith('e') && !root.EndsWith("ee", StringComparison.Ordinal) => root[..^1] + "ing",
        _ when DoublesFinalConsonant(root) => root + root[^1] + "ing",
        _ => root + "ing",
    };

    // "stop" → "stopped": one vowel before one final consonant in a one-vowel-group word doubles it.
    private static bool DoublesFinalConsonant(string root) =>
        root.Length >= 3 && !IsVowel(root[^1]) && root[^1] is not ('w' or 'x' or 'y') && IsVowel(root[^2]) && !IsVowel(root[^3]) &&
        root.Count(IsVowel) == 1;

    private static bool EndsWithConsonantY(string root) => root.Length >= 2 && root[^1] == 'y' && !IsVowel(root[^2]);

    private static string[] IndonesianNounForms(string root) => [root, root + "nya", root + "an", Ber(root)];

    private static string[] IndonesianVerbForms(string root) =>
        [root, Nasal("me", root), "di" + root, root + "kan", Nasal("me", root) + "kan", "di" + root + "kan", Nasal("pe", root) + "an", root + "nya"];

    private static string Ber(string root) => root.StartsWith('r') ? "be" + root : "ber" + root;

    /// <summary>meN- / peN- with the nasal assimilation of Indonesian: pakai → memakai, tulis → menulis, sapu → menyapu, kirim → mengirim.</summary>
    private static string Nasal(string prefix, string root)
    {
        var initial = root[0];
        var dropsInitial = root.Length > 1 && IsVowel(root[1]) && initial is 'p' or 't' or 's' or 'k';
        var rest = dropsInitial ? root[1..] : root;
        if (root.StartsWith("ng", StringComparison.Ordinal) || root.StartsWith("ny", StringComparison.Ordinal))
        {
            return prefix + root;
        }

        return initial switch
        {
            'b' or 'f' or 'v' or 'p' => prefix + "m" + rest,
            'd' or 'c' or 'j' or 'z' or 't' => prefix + "n" + rest,
            's' => prefix + (dropsInitial ? "ny" : "n") + rest,
            'k' or 'g' or 'h' => prefix + "ng" + rest,
            _ when IsVowel(initial) => prefix + "ng" + rest,
            _ => prefix + rest,
        };
    }

    private static string Pick(string[] options, Random random) => options[random.Next(options.Length)];

    private static bool IsVowel(char letter) => letter is 'a' or 'e' or 'i' or 'o' or 'u';
}
