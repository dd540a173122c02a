namespace RagPlatform.Evaluation;

/// <summary>Names under which metrics are stored in runs, aggregates and comparisons.</summary>
public static class MetricKeys
{
    public const string ExactMatch = "exact_match";
    public const string F1 = "f1";
    public const string Bleu = "bleu";

    /// <summary>sacreBLEU corpus BLEU of a question group (only in aggregates; 0–100).</summary>
    public const string CorpusBleu = "corpus_bleu";
    public const string Rouge1 = "rouge1_f";
    public const string Rouge2 = "rouge2_f";
    public const string RougeL = "rougeL_f";
    public const string Mrr = "mrr";
    public const string Map = "map";
    public const string RPrecision = "r_precision";
    public const string ContextPrecision = "context_precision";
    public const string ContextRecall = "context_recall";

    /// <summary>Unsupported-claim rate of the run's primary groundedness method.</summary>
    public const string UnsupportedClaimRate = "unsupported_claim_rate";
    public const string CitationCorrectness = "citation_correctness";
    public const string CitationCoverage = "citation_coverage";
    public const string AbstentionCorrect = "abstention_correct";
    public const string FalseAbstention = "false_abstention";
    public const string LatencyMs = "latency_ms";
    public const string AnswerTokens = "answer_tokens";
    public const string TokensPerSecond = "tokens_per_second";
    public const string GoldAnswerPerplexity = "gold_answer_perplexity";

    private static readonly HashSet<string> LowerIsBetterKeys =
        [UnsupportedClaimRate, FalseAbstention, LatencyMs, GoldAnswerPerplexity];

    public static string HitAt(int k) => $"hit@{k}";

    public static string RecallAt(int k) => $"recall@{k}";

    public static string PrecisionAt(int k) => $"precision@{k}";

    public static string NdcgAt(int k) => $"ndcg@{k}";

    /// <summary>Unsupported-claim rate of one method, e.g. "unsupported_claim_rate.lexical".</summary>
    public static string UnsupportedClaimRateBy(string method) => $"{UnsupportedClaimRate}.{method}";

    public static bool HigherIsBetter(string key) =>
        !LowerIsBetterKeys.Contains(key) && !key.StartsWith(UnsupportedClaimRate + ".", StringComparison.Ordinal);

    /// <summary>Rates and scores on a 0–1 scale, shown as percentages; everything else is a plain number.</summary>
    public static bool IsFraction(string key) =>
        key is not (LatencyMs or AnswerTokens or TokensPerSecond or GoldAnswerPerplexity or Bleu or CorpusBleu);
}
