using RagPlatform.Evaluation.Text;

namespace RagPlatform.Evaluation.Metrics;

/// <summary>Decides whether a retrieved chunk covers a gold passage of a QA dataset.</summary>
public static class PassageRelevance
{
    public const double SharedTokenThreshold = 0.6;

    public const string Rule =
        "A retrieved chunk is relevant to a gold passage when the passage's normalised text (lower-case, whitespace " +
        "collapsed) is contained in the chunk's normalised text, or when at least 60 % of the passage's distinct word " +
        "tokens (lower-cased letter/digit runs) occur in the chunk.";

    public static bool IsRelevant(string goldPassage, string chunkText)
    {
        ArgumentNullException.ThrowIfNull(goldPassage);
        ArgumentNullException.ThrowIfNull(chunkText);
        var passage = WordTokenizer.NormalizeSpacing(goldPassage);
        if (passage.Length == 0)
        {
            return false;
        }

        return WordTokenizer.NormalizeSpacing(chunkText).Contains(passage, StringComparison.Ordinal)
            || SharedTokenFraction(goldPassage, chunkText) >= SharedTokenThreshold;
    }

    /// <summary>Fraction of the passage's distinct word tokens that also occur in the chunk.</summary>
    public static double SharedTokenFraction(string goldPassage, string chunkText)
    {
        var passageTokens = WordTokenizer.Tokenize(goldPassage).ToHashSet(StringComparer.Ordinal);
        if (passageTokens.Count == 0)
        {
            return 0;
        }

        var chunkTokens = WordTokenizer.Tokenize(chunkText).ToHashSet(StringComparer.Ordinal);
        return (double)passageTokens.Count(chunkTokens.Contains) / passageTokens.Count;
    }
}
