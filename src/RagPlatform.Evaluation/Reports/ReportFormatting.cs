using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Evaluation.Reports;

/// <summary>Names, number formats and escaping shared by the Markdown and HTML reports.</summary>
internal static class ReportFormatting
{
    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.Ordinal)
    {
        [MetricKeys.ExactMatch] = "Exact match",
        [MetricKeys.F1] = "Token F1",
        [MetricKeys.Bleu] = "Sentence BLEU",
        [MetricKeys.CorpusBleu] = "Corpus BLEU",
        [MetricKeys.Rouge1] = "ROUGE-1 F",
        [MetricKeys.Rouge2] = "ROUGE-2 F",
        [MetricKeys.RougeL] = "ROUGE-L F",
        [MetricKeys.Mrr] = "MRR",
        [MetricKeys.Map] = "MAP",
        [MetricKeys.RPrecision] = "R-precision",
        [MetricKeys.ContextPrecision] = "Context precision",
        [MetricKeys.ContextRecall] = "Context recall",
        [MetricKeys.UnsupportedClaimRate] = "Unsupported claim rate",
        [MetricKeys.CitationCorrectness] = "Citation correctness",
        [MetricKeys.CitationCoverage] = "Citation coverage",
        [MetricKeys.AbstentionCorrect] = "Abstention accuracy",
        [MetricKeys.FalseAbstention] = "False abstention rate",
        [MetricKeys.LatencyMs] = "Latency (ms)",
        [MetricKeys.AnswerTokens] = "Answer tokens",
        [MetricKeys.TokensPerSecond] = "Tokens/s",
        [MetricKeys.GoldAnswerPerplexity] = "Gold-answer perplexity",
    };

    public static string DisplayName(string key)
    {
        if (DisplayNames.TryGetValue(key, out var known))
        {
            return known;
        }

        if (key.StartsWith(MetricKeys.UnsupportedClaimRate + ".", StringComparison.Ordinal))
        {
            return $"Unsupported claim rate ({key[(MetricKeys.UnsupportedClaimRate.Length + 1)..]})";
        }

        var at = key.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return key.Replace('_', ' ');
        }

        var measure = key[..at] switch
        {
            "ndcg" => "nDCG",
            var other => char.ToUpperInvariant(other[0]) + other[1..],
        };
        return $"{measure}@{key[(at + 1)..]}";
    }

    public static string Value(string key, double value) =>
        !MetricKeys.IsFraction(key)
            ? value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture)
            : Percent(value);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    public static readonly Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    // Markup characters are always escaped; letters of every script stay readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-encodes data text (questions, answers, passages, tags…) before it reaches the page.</summary>
    public static string Html(string? text) => Encoder.Encode(text ?? "");

    /// <summary>Markdown table cell: no line breaks, escaped pipes, and no raw HTML a Markdown renderer would execute.</summary>
    public static string Markdown(string? text) =>
        (text ?? "").Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .ReplaceLineEndings(" ");

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>Metrics chosen for headlines and per-group comparisons, in display order, when the run has them.</summary>
    public static IReadOnlyList<string> KeyMetrics(EvaluationRun run) =>
        new[]
        {
            MetricKeys.F1, MetricKeys.ExactMatch, MetricKeys.UnsupportedClaimRate, MetricKeys.AbstentionCorrect,
            MetricKeys.HitAt(run.Configuration.TopK), MetricKeys.Mrr, MetricKeys.NdcgAt(run.Configuration.TopK),
        }.Where(run.Aggregates.Overall.Metrics.ContainsKey).ToList();
}
