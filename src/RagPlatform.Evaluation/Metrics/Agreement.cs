namespace RagPlatform.Evaluation.Metrics;

/// <summary>Agreement between two raters labelling the same items.</summary>
public static class Agreement
{
    public static double PercentAgreement<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
    {
        RequireSameLength(first, second);
        return first.Count == 0 ? 0 : (double)first.Zip(second).Count(pair => EqualityComparer<T>.Default.Equals(pair.First, pair.Second)) / first.Count;
    }

    /// <summary>
    /// Cohen's kappa, (p_o − p_e) / (1 − p_e) with p_e from the two raters' marginal distributions (as scikit-learn's
    /// cohen_kappa_score). Null when undefined: no items, or both raters used one and the same single label (p_e = 1).
    /// </summary>
    public static double? CohenKappa<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
        where T : notnull
    {
        RequireSameLength(first, second);
        if (first.Count == 0)
        {
            return null;
        }

        var total = (double)first.Count;
        var firstMarginals = first.CountBy(label => label).ToDictionary(pair => pair.Key, pair => pair.Value);
        var secondMarginals = second.CountBy(label => label).ToDictionary(pair => pair.Key, pair => pair.Value);
        var expected = firstMarginals.Sum(pair => pair.Value / total * (secondMarginals.GetValueOrDefault(pair.Key) / total));
        if (expected >= 1)
        {
            return null;
        }

        var observed = PercentAgreement(first, second);
        return (observed - expected) / (1 - expected);
    }

    private static void RequireSameLength<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException($"Both raters must label the same items: got {first.Count} and {second.Count} labels.");
        }
    }
}
