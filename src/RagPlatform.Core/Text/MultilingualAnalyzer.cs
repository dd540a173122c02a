using System.Collections.Concurrent;

namespace RagPlatform.Core.Text;

/// <summary>
/// The index analyzer for mixed Indonesian/English text: NFKC + lower case → letter/digit words → diacritics folded
/// → English and Indonesian stop words dropped → stemmed. Every word gets both light stemmers whatever the
/// document's language, because Indonesian text borrows English terms ("Apa itu embeddings?") and must meet the
/// English documents that use them.
/// </summary>
public sealed class MultilingualAnalyzer : ITextAnalyzer
{
    // Vocabularies repeat heavily, so finished terms are cached per surface word; the caps keep a stream of unique
    // junk (hashes, base64) from growing the cache without bound.
    private const int MaxCachedWords = 200_000;
    private const int MaxCachedWordLength = 40;

    private readonly ConcurrentDictionary<string, string> _termsByWord = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _termsBySpan;
    private int _cachedWordCount;

    private MultilingualAnalyzer()
    {
        _termsBySpan = _termsByWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static MultilingualAnalyzer Default { get; } = new();

    public IReadOnlyList<string> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        foreach (var word in WordTokenizer.Split(TextNormalizer.Normalize(text)))
        {
            var term = AnalyzeWord(word);
            if (term.Length > 0)
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    private string AnalyzeWord(ReadOnlySpan<char> word)
    {
        if (_termsBySpan.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var surface = word.ToString();
        var term = AnalyzeNormalizedWord(surface);
        if (word.Length <= MaxCachedWordLength && Volatile.Read(ref _cachedWordCount) < MaxCachedWords && _termsByWord.TryAdd(surface, term))
        {
            Interlocked.Increment(ref _cachedWordCount);
        }

        return term;
    }

    /// <summary>The index term for one normalised word, or an empty string for a stop word.</summary>
    private static string AnalyzeNormalizedWord(string word)
    {
        var folded = DiacriticFolder.Fold(word);
        return StopWords.Contains(folded) ? string.Empty : EnglishLightStemmer.Stem(IndonesianLightStemmer.Stem(folded));
    }
}
