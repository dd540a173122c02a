namespace RagPlatform.Evaluation.Metrics;

/// <summary>
/// Ranking metrics with trec_eval's conventions. <c>ranking</c> lists document ids best first (a repeated id counts
/// only at its first rank); <c>judgements</c> maps document ids to graded relevance. A document is relevant when its
/// grade is at least <c>relevanceLevel</c> (trec_eval's -l, default 1); nDCG uses the grade itself as gain with a
/// log2(rank + 1) discount and the ideal ranking built from all judgements. Precision@k divides by k even when fewer
/// documents were retrieved. Queries without relevant documents score 0.
/// </summary>
public static class RetrievalMetrics
{
    public const string Method = "trec_eval conventions (gain = grade, log2 discount, ideal from qrels)";

    public static double HitAtK(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k, int relevanceLevel = 1) =>
        RelevantInTop(ranking, judgements, k, relevanceLevel) > 0 ? 1 : 0;

    public static double PrecisionAtK(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k, int relevanceLevel = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return (double)RelevantInTop(ranking, judgements, k, relevanceLevel) / k;
    }

    public static double RecallAtK(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k, int relevanceLevel = 1)
    {
        var relevantCount = CountRelevant(judgements, relevanceLevel);
        return relevantCount == 0 ? 0 : (double)RelevantInTop(ranking, judgements, k, relevanceLevel) / relevantCount;
    }

    /// <summary>1 / rank of the first relevant document (trec_eval recip_rank); averaged over queries this is MRR.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int relevanceLevel = 1)
    {
        var rank = 0;
        foreach (var document in Distinct(ranking))
        {
            rank++;
            if (IsRelevant(judgements, document, relevanceLevel))
            {
                return 1.0 / rank;
            }
        }

        return 0;
    }

    /// <summary>Average precision (trec_eval map): precision at each relevant rank, summed, over all relevant documents.</summary>
    public static double AveragePrecision(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int relevanceLevel = 1)
    {
        var relevantCount = CountRelevant(judgements, relevanceLevel);
        if (relevantCount == 0)
        {
            return 0;
        }

        double sum = 0;
        int rank = 0, found = 0;
        foreach (var document in Distinct(ranking))
        {
            rank++;
            if (IsRelevant(judgements, document, relevanceLevel))
            {
                found++;
                sum += (double)found / rank;
            }
        }

        return sum / relevantCount;
    }

    /// <summary>Precision at R, where R is the number of relevant documents (trec_eval Rprec).</summary>
    public static double RPrecision(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int relevanceLevel = 1)
    {
        var relevantCount = CountRelevant(judgements, relevanceLevel);
        return relevantCount == 0 ? 0 : (double)RelevantInTop(ranking, judgements, relevantCount, relevanceLevel) / relevantCount;
    }

    /// <param name="k">Cut-off (trec_eval ndcg_cut.k); null scores the whole ranking (trec_eval ndcg).</param>
    public static double NdcgAtK(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int? k = null)
    {
        var cutoff = k ?? int.MaxValue;
        ArgumentOutOfRangeException.ThrowIfLessThan(cutoff, 1);
        var dcg = Distinct(ranking).Take(cutoff)
            .Select((document, index) => Gain(judgements.GetValueOrDefault(document)) / Math.Log2(index + 2))
            .Sum();
        var idealDcg = judgements.Values.Select(Gain).Where(gain => gain > 0).OrderDescending().Take(cutoff)
            .Select((gain, index) => gain / Math.Log2(index + 2))
            .Sum();
        return idealDcg == 0 ? 0 : dcg / idealDcg;
    }

    private static double Gain(int grade) => Math.Max(grade, 0);

    private static int RelevantInTop(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k, int relevanceLevel) =>
        Distinct(ranking).Take(k).Count(document => IsRelevant(judgements, document, relevanceLevel));

    private static int CountRelevant(IReadOnlyDictionary<string, int> judgements, int relevanceLevel) =>
        judgements.Values.Count(grade => grade >= relevanceLevel);

    private static bool IsRelevant(IReadOnlyDictionary<string, int> judgements, string document, int relevanceLevel) =>
        judgements.TryGetValue(document, out var grade) && grade >= relevanceLevel;

    private static IEnumerable<string> Distinct(IReadOnlyList<string> ranking) => ranking.Distinct(StringComparer.Ordinal);
}
