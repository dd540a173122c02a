using System.Text.RegularExpressions;
using RagPlatform.Evaluation.Text;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>
/// Checks that evidence repeats a claim's key facts. Token overlap and sentence embeddings both score "330 metres"
/// and "500 metres", or "France" and "Germany", as nearly identical, so a claim is only supported by evidence that
/// contains every number of the claim, a negated claim only by negated evidence, and every capitalised name of the
/// claim must occur in the evidence's passage (names are often introduced once and then referred to as "it").
/// </summary>
internal static partial class SupportGuard
{
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "none", "nor", "cannot", "without", "neither",
        "tidak", "bukan", "tak", "belum", "tanpa", "jangan", "tiada",
    };

    /// <returns>Null when the evidence carries the claim's key facts, otherwise what is missing.</returns>
    public static string? FindMissingKeyFact(string claim, string evidence, string passage)
    {
        var evidenceTokens = WordTokenizer.Tokenize(evidence).ToHashSet(StringComparer.Ordinal);
        var passageTokens = WordTokenizer.Tokenize(passage).ToHashSet(StringComparer.Ordinal);
        var claimTokens = WordTokenizer.Tokenize(claim);
        var missingNumber = claimTokens.FirstOrDefault(token => WordTokenizer.HasDigit(token) && !evidenceTokens.Contains(token));
        if (missingNumber is not null)
        {
            return $"number '{missingNumber}' is not in the evidence";
        }

        var missingName = Names(claim).FirstOrDefault(name => !passageTokens.Contains(name));
        if (missingName is not null)
        {
            return $"name '{missingName}' is not in the evidence's passage";
        }

        if (claimTokens.Any(Negations.Contains) && !evidenceTokens.Any(Negations.Contains))
        {
            return "the claim is negated but the evidence is not";
        }

        return null;
    }

    /// <summary>
    /// Capitalised words, lower-cased. The first word is capitalised anyway, so it only counts when its capitals go
    /// beyond the first letter ("RoBERTa", "GPT").
    /// </summary>
    private static IEnumerable<string> Names(string claim)
    {
        var firstWord = Word().Match(claim);
        return CapitalisedWord().Matches(claim)
            .Where(match => !firstWord.Success || match.Index != firstWord.Index || match.Value.Skip(1).Any(char.IsUpper))
            .SelectMany(match => WordTokenizer.Tokenize(match.Value));
    }

    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{Nd}])\p{Lu}[\p{L}\p{M}\p{Nd}]*")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+")]
    private static partial Regex Word();
}
