namespace RagPlatform.Evaluation.Metrics;

/// <summary>Retrieval metrics of one QA question: retrieved chunk texts (best first) against its gold passages.</summary>
internal static class QaRetrievalScoring
{
    /// <summary>Indexes of the gold passages each chunk covers, in chunk order.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> MatchPassages(IReadOnlyList<string> chunkTexts, IReadOnlyList<string> goldPassages) =>
        chunkTexts
            .Select(chunk => (IReadOnlyList<int>)Enumerable.Range(0, goldPassages.Count)
                .Where(index => PassageRelevance.IsRelevant(goldPassages[index], chunk))
                .ToList())
            .ToList();

    /// <summary>
    /// Each gold passage is one relevant "document"; a chunk stands for the first passage it covers that no
    /// better-ranked chunk covered yet, so a passage counts once (as trec_eval counts a document once) and the
    /// trec_eval formulas apply unchanged. Context precision instead counts every chunk that covers any passage.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Score(IReadOnlyList<IReadOnlyList<int>> matches, int passageCount, int k)
    {
        var judgements = Enumerable.Range(0, passageCount).ToDictionary(PassageKey, _ => 1);
        var covered = new HashSet<int>();
        var ranking = new List<string>(matches.Count);
        for (var rank = 0; rank < matches.Count; rank++)
        {
            var newlyCovered = matches[rank].Where(index => !covered.Contains(index)).Take(1).ToList();
            covered.UnionWith(matches[rank]);
            ranking.Add(newlyCovered.Count == 1 ? PassageKey(newlyCovered[0]) : $"chunk:{rank}");
        }

        var topK = matches.Take(k).ToList();
        return new Dictionary<string, double>
        {
            [MetricKeys.HitAt(1)] = RetrievalMetrics.HitAtK(ranking, judgements, 1),
            [MetricKeys.HitAt(k)] = RetrievalMetrics.HitAtK(ranking, judgements, k),
            [MetricKeys.RecallAt(k)] = RetrievalMetrics.RecallAtK(ranking, judgements, k),
            [MetricKeys.PrecisionAt(k)] = RetrievalMetrics.PrecisionAtK(ranking, judgements, k),
            [MetricKeys.Mrr] = RetrievalMetrics.ReciprocalRank(ranking, judgements),
            [MetricKeys.Map] = RetrievalMetrics.AveragePrecision(ranking, judgements),
            [MetricKeys.NdcgAt(k)] = RetrievalMetrics.NdcgAtK(ranking, judgements, k),
            [MetricKeys.RPrecision] = RetrievalMetrics.RPrecision(ranking, judgements),
            [MetricKeys.ContextPrecision] = topK.Count == 0 ? 0 : (double)topK.Count(chunk => chunk.Count > 0) / topK.Count,
            [MetricKeys.ContextRecall] = (double)topK.SelectMany(chunk => chunk).Distinct().Count() / passageCount,
        };
    }

    private static string PassageKey(int index) => $"passage:{index}";
}
