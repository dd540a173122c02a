using System.Text.RegularExpressions;

namespace RagPlatform.Evaluation.Metrics;

public sealed record RougeScore(double Precision, double Recall, double FMeasure)
{
    public static RougeScore Zero { get; } = new(0, 0, 0);

    internal static RougeScore FromCounts(int overlap, int predictionCount, int targetCount)
    {
        var precision = (double)overlap / Math.Max(predictionCount, 1);
        var recall = (double)overlap / Math.Max(targetCount, 1);
        return new RougeScore(precision, recall, Rouge.FMeasure(precision, recall));
    }
}

public sealed record RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL);

/// <summary>
/// ROUGE-1, ROUGE-2 and ROUGE-L as Google's rouge-score package computes them with its default options
/// (<c>RougeScorer([...], use_stemmer=False)</c>): lower-case, every character outside [a-z0-9] becomes a space,
/// clipped n-gram overlap, LCS for ROUGE-L, F = harmonic mean. The optional Porter stemmer is not implemented.
/// Because the tokeniser keeps only ASCII letters and digits, accented letters split words — the same behaviour as
/// the reference implementation.
/// </summary>
public static partial class Rouge
{
    public const string Method = "rouge-score (no stemming)";

    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spaced = NonAlphanumeric().Replace(text.ToLowerInvariant(), " ");
        return spaced.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Scores <paramref name="prediction"/> against one <paramref name="target"/> (rouge-score's argument order).</summary>
    public static RougeScores Score(string target, string prediction)
    {
        var targetTokens = Tokenize(target);
        var predictionTokens = Tokenize(prediction);
        return new RougeScores(
            NgramScore(targetTokens, predictionTokens, 1),
            NgramScore(targetTokens, predictionTokens, 2),
            LcsScore(targetTokens, predictionTokens));
    }

    /// <summary>Against several targets, each ROUGE type keeps the target with the best F (rouge-score's score_multi).</summary>
    public static RougeScores ScoreBest(IEnumerable<string> targets, string prediction)
    {
        var scores = targets.Select(target => Score(target, prediction)).ToList();
        if (scores.Count == 0)
        {
            throw new ArgumentException("At least one target is required.", nameof(targets));
        }

        return new RougeScores(
            scores.Select(s => s.Rouge1).MaxBy(s => s.FMeasure)!,
            scores.Select(s => s.Rouge2).MaxBy(s => s.FMeasure)!,
            scores.Select(s => s.RougeL).MaxBy(s => s.FMeasure)!);
    }

    public static RougeScore RougeN(string target, string prediction, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return NgramScore(Tokenize(target), Tokenize(prediction), n);
    }

    public static RougeScore RougeL(string target, string prediction) => LcsScore(Tokenize(target), Tokenize(prediction));

    internal static double FMeasure(double precision, double recall) =>
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;

    private static RougeScore NgramScore(IReadOnlyList<string> target, IReadOnlyList<string> prediction, int n)
    {
        var targetNgrams = CountNgrams(target, n);
        var predictionNgrams = CountNgrams(prediction, n);
        var overlap = targetNgrams.Sum(pair => Math.Min(pair.Value, predictionNgrams.GetValueOrDefault(pair.Key)));
        return RougeScore.FromCounts(overlap, predictionNgrams.Values.Sum(), targetNgrams.Values.Sum());
    }

    private static RougeScore LcsScore(IReadOnlyList<string> target, IReadOnlyList<string> prediction)
    {
        if (target.Count == 0 || prediction.Count == 0)
        {
            return RougeScore.Zero;
        }

        var lcs = LongestCommonSubsequenceLength(target, prediction);
        return RougeScore.FromCounts(lcs, prediction.Count, target.Count);
    }

    private static int LongestCommonSubsequenceLength(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var previous = new int[second.Count + 1];
        var current = new int[second.Count + 1];
        foreach (var token in first)
        {
            for (var j = 1; j <= second.Count; j++)
            {
                current[j] = token == second[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[second.Count];
    }

    private static Dictionary<string, int> CountNgrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var start = 0; start + n <= tokens.Count; start++)
        {
            var ngram = string.Join(' ', tokens.Skip(start).Take(n));
            counts[ngram] = counts.GetValueOrDefault(ngram) + 1;
        }

        return counts;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
