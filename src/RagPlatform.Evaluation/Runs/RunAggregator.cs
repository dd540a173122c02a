using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Runs;

internal static class RunAggregator
{
    public static RunAggregates Aggregate(IReadOnlyList<QuestionResult> questions, BleuOptions bleuOptions)
    {
        var answered = questions.Where(question => question.Error is null).ToList();
        var byLanguage = answered.GroupBy(question => question.Language, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Group(group.Key, group.ToList(), bleuOptions))
            .ToList();
        var byTag = answered.SelectMany(question => question.Tags.Select(tag => (Tag: tag, Question: question)))
            .GroupBy(pair => pair.Tag, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Group(group.Key, group.Select(pair => pair.Question).ToList(), bleuOptions))
            .ToList();
        var abstention = BinaryClassificationMetrics.FromPairs(answered.Select(question => (!question.Answerable, question.Abstained)));
        var latencies = answered.Select(question => question.LatencyMs).ToList();
        var latency = new LatencySummary(
            latencies.Count == 0 ? 0 : latencies.Average(),
            Percentiles.Of(latencies, 50),
            Percentiles.Of(latencies, 95),
            latencies.Count == 0 ? 0 : latencies.Max(),
            latencies.Count);
        return new RunAggregates(Group("all", answered, bleuOptions), byLanguage, byTag, abstention, latency, CorpusBleu(answered, bleuOptions), questions.Count - answered.Count);
    }

    private static MetricGroup Group(string name, IReadOnlyList<QuestionResult> questions, BleuOptions bleuOptions)
    {
        var metrics = questions.SelectMany(question => question.Metrics)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => new MetricSummary(group.Average(pair => pair.Value.Value), group.Count(), group.First().Value.Method),
                StringComparer.Ordinal);
        if (CorpusBleu(questions, bleuOptions) is { } bleu)
        {
            metrics[MetricKeys.CorpusBleu] = new MetricSummary(bleu.Score, questions.Count(IsScoredAnswer), $"sacreBLEU corpus BLEU ({bleuOptions.Signature})");
        }

        return new MetricGroup(name, questions.Count, metrics);
    }

    private static BleuScore? CorpusBleu(IReadOnlyList<QuestionResult> questions, BleuOptions bleuOptions)
    {
        var segments = questions.Where(IsScoredAnswer)
            .Select(question => (question.Abstained ? "" : ClaimExtractor.StripCitationMarkers(question.AnswerText), question.GoldAnswers))
            .ToList();
        return segments.Count == 0 ? null : Bleu.CorpusScoreFromSegments(segments, bleuOptions);
    }

    private static bool IsScoredAnswer(QuestionResult question) => question.Answerable && question.GoldAnswers.Count > 0;
}
