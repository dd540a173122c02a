using System.Text;
using System.Text.RegularExpressions;

namespace RagPlatform.Evaluation.Metrics;

/// <summary>
/// Exact match and token F1 exactly as the official SQuAD v1.1 evaluation script computes them: answers are
/// normalised (lower-case, ASCII punctuation removed, the articles a/an/the removed, whitespace collapsed) and the
/// score against several gold answers is the maximum over them.
/// </summary>
public static partial class SquadMetrics
{
    public const string Method = "SQuAD v1.1 (lower, strip ASCII punctuation and a/an/the, max over gold answers)";

    // Python's string.punctuation: the script removes exactly these characters and nothing else.
    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static string NormalizeAnswer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutPunctuation = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            if (!AsciiPunctuation.Contains(character))
            {
                withoutPunctuation.Append(character);
            }
        }

        var withoutArticles = ArticlePattern().Replace(withoutPunctuation.ToString(), " ");
        return string.Join(' ', withoutArticles.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <returns>1 when the normalised strings are equal, otherwise 0.</returns>
    public static double ExactMatch(string prediction, string groundTruth) =>
        NormalizeAnswer(prediction) == NormalizeAnswer(groundTruth) ? 1 : 0;

    public static double F1(string prediction, string groundTruth)
    {
        var predictionTokens = Tokens(prediction);
        var truthTokens = Tokens(groundTruth);
        var truthCounts = truthTokens.CountBy(token => token).ToDictionary(pair => pair.Key, pair => pair.Value);
        var common = 0;
        foreach (var (token, count) in predictionTokens.CountBy(token => token))
        {
            common += Math.Min(count, truthCounts.GetValueOrDefault(token));
        }

        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / predictionTokens.Length;
        var recall = (double)common / truthTokens.Length;
        return 2 * precision * recall / (precision + recall);
    }

    public static double MaxExactMatch(string prediction, IEnumerable<string> groundTruths) =>
        MaxOverGroundTruths(prediction, groundTruths, ExactMatch);

    public static double MaxF1(string prediction, IEnumerable<string> groundTruths) =>
        MaxOverGroundTruths(prediction, groundTruths, F1);

    private static double MaxOverGroundTruths(string prediction, IEnumerable<string> groundTruths, Func<string, string, double> metric)
    {
        var scores = groundTruths.Select(truth => metric(prediction, truth)).ToList();
        if (scores.Count == 0)
        {
            throw new ArgumentException("At least one gold answer is required.", nameof(groundTruths));
        }

        return scores.Max();
    }

    private static string[] Tokens(string text) =>
        NormalizeAnswer(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\b(a|an|the)\b")]
    private static partial Regex ArticlePattern();
}
