using System.Globalization;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Text;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Runs;

/// <summary>Turns one dataset item and the system's answer into a <see cref="QuestionResult"/>.</summary>
internal sealed class QuestionScorer(EvaluationOptions options, IReadOnlyList<IGroundednessChecker> checkers, BleuOptions bleuOptions)
{
    public const string WhitespaceTokenCounting = "whitespace-separated words";
    public const string TokenizerTokenCounting = "the configured token counter";

    private const string AbstainedOnAnswerable = "0 because the system abstained on an answerable question";

    private static readonly string RetrievalMethod = string.Create(
        CultureInfo.InvariantCulture,
        $"{RetrievalMetrics.Method}; chunk relevant to a gold passage by containment or ≥ {PassageRelevance.SharedTokenThreshold:P0} shared passage tokens");

    private readonly CitationChecker _citationChecker = new(checkers[0]);

    public static QuestionResult Failed(QaItem item, Exception error, double latencyMs) => new(
        item.Id, item.Question, item.Answers, item.Passages, item.Answerable, LanguageOf(item), item.Tags,
        "", false, null, [], [], [], null, Abstention.Classify(item.Answerable, false),
        new Dictionary<string, MetricValue>(), latencyMs, $"{error.GetType().Name}: {error.Message}");

    public async Task<QuestionResult> ScoreAsync(QaItem item, GroundedAnswer answer, double latencyMs, CancellationToken cancellationToken)
    {
        var metrics = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        var contextTexts = answer.Context.Select(scored => scored.Chunk.Text).ToList();
        var matches = QaRetrievalScoring.MatchPassages(contextTexts, item.Passages.Select(passage => passage.Text).ToList());
        if (item.Passages.Count > 0)
        {
            foreach (var (key, value) in QaRetrievalScoring.Score(matches, item.Passages.Count, options.TopK))
            {
                metrics[key] = new MetricValue(value, RetrievalMethod);
            }
        }

        if (item.Answerable)
        {
            AddAnswerMetrics(metrics, item, answer);
        }

        var outcome = Abstention.Classify(item.Answerable, answer.Abstained);
        metrics[MetricKeys.AbstentionCorrect] = new MetricValue(Abstention.IsCorrectDecision(outcome) ? 1 : 0, "answerable vs GroundedAnswer.Abstained");
        if (item.Answerable)
        {
            metrics[MetricKeys.FalseAbstention] = new MetricValue(answer.Abstained ? 1 : 0, "abstained on an answerable question");
        }

        var claims = answer.Abstained ? [] : ClaimExtractor.Extract(answer.Text);
        var groundedness = new List<GroundednessReport>();
        CitationCheckResult? citationCheck = null;
        if (claims.Count > 0)
        {
            foreach (var checker in checkers)
            {
                var report = await checker.AssessAsync(claims, contextTexts, cancellationToken).ConfigureAwait(false);
                groundedness.Add(report);
                if (report.UnsupportedClaimRate is { } rate)
                {
                    metrics[MetricKeys.UnsupportedClaimRateBy(checker.Method)] = new MetricValue(rate, checker.Description);
                }
            }

            if (groundedness[0].UnsupportedClaimRate is { } primaryRate)
            {
                metrics[MetricKeys.UnsupportedClaimRate] = new MetricValue(primaryRate, checkers[0].Description);
            }

            citationCheck = await _citationChecker.CheckAsync(claims, CitedSource.FromAnswer(answer.Citations, answer.Context), cancellationToken).ConfigureAwait(false);
            if (citationCheck.Correctness is { } correctness)
            {
                metrics[MetricKeys.CitationCorrectness] = new MetricValue(correctness, $"cited source alone supports the sentence ({citationCheck.Method})");
            }

            if (citationCheck.Coverage is { } coverage)
            {
                metrics[MetricKeys.CitationCoverage] = new MetricValue(coverage, "claims carrying at least one [n] marker");
            }
        }

        await AddPerplexityAsync(metrics, item, contextTexts, cancellationToken).ConfigureAwait(false);
        AddSpeed(metrics, answer, latencyMs);

        var context = answer.Context.Select((scored, index) => new RetrievedChunk(
                index + 1, scored.Chunk.Id, scored.Chunk.DocumentId, scored.Chunk.SourcePath, scored.Chunk.Title, scored.Chunk.HeadingPath,
                scored.Chunk.Page, scored.Score, scored.Chunk.Text, matches[index]))
            .ToList();
        return new QuestionResult(
            item.Id, item.Question, item.Answers, item.Passages, item.Answerable, LanguageOf(item), item.Tags,
            answer.Text, answer.Abstained, answer.Mode, answer.Citations, context, groundedness, citationCheck, outcome, metrics, latencyMs, null);
    }

    /// <summary>The answer without its [n] markers, which are references rather than content; the text gold answers are compared with.</summary>
    internal static string AnswerContent(GroundedAnswer answer) => ClaimExtractor.StripCitationMarkers(answer.Text);

    /// <summary>The dataset's label, else the question's detected language (not the system's, which is under test).</summary>
    private static string LanguageOf(QaItem item) => item.Language ?? LanguageDetector.Detect(item.Question);

    private void AddAnswerMetrics(Dictionary<string, MetricValue> metrics, QaItem item, GroundedAnswer answer)
    {
        if (answer.Abstained)
        {
            foreach (var key in new[] { MetricKeys.ExactMatch, MetricKeys.F1, MetricKeys.Bleu, MetricKeys.Rouge1, MetricKeys.Rouge2, MetricKeys.RougeL })
            {
                metrics[key] = new MetricValue(0, AbstainedOnAnswerable);
            }

            return;
        }

        var text = AnswerContent(answer);
        metrics[MetricKeys.ExactMatch] = new MetricValue(SquadMetrics.MaxExactMatch(text, item.Answers), SquadMetrics.Method);
        metrics[MetricKeys.F1] = new MetricValue(SquadMetrics.MaxF1(text, item.Answers), SquadMetrics.Method);
        var sentenceBleu = bleuOptions with { EffectiveOrder = true };
        metrics[MetricKeys.Bleu] = new MetricValue(Bleu.SentenceScore(text, item.Answers, sentenceBleu).Score, $"sacreBLEU sentence BLEU ({sentenceBleu.Signature})");
        var rouge = Rouge.ScoreBest(item.Answers, text);
        metrics[MetricKeys.Rouge1] = new MetricValue(rouge.Rouge1.FMeasure, Rouge.Method);
        metrics[MetricKeys.Rouge2] = new MetricValue(rouge.Rouge2.FMeasure, Rouge.Method);
        metrics[MetricKeys.RougeL] = new MetricValue(rouge.RougeL.FMeasure, Rouge.Method);
    }

    private async Task AddPerplexityAsync(Dictionary<string, MetricValue> metrics, QaItem item, IReadOnlyList<string> contextTexts, CancellationToken cancellationToken)
    {
        if (options.TextScorer is null || !item.Answerable)
        {
            return;
        }

        var prompt = $"Context:\n{string.Join("\n\n", contextTexts)}\n\nQuestion: {item.Question}\nAnswer:";
        var score = await options.TextScorer.ScoreAsync(prompt, " " + item.Answers[0], cancellationToken).ConfigureAwait(false);
        if (score.Tokens.Count > 0 && double.IsFinite(score.Perplexity))
        {
            metrics[MetricKeys.GoldAnswerPerplexity] = new MetricValue(score.Perplexity, $"perplexity of the first gold answer given context and question ({options.TextScorer.GetType().Name})");
        }
    }

    private void AddSpeed(Dictionary<string, MetricValue> metrics, GroundedAnswer answer, double latencyMs)
    {
        var counting = options.AnswerTokenCounter is null ? WhitespaceTokenCounting : TokenizerTokenCounting;
        var tokens = options.AnswerTokenCounter?.Invoke(answer.Text)
            ?? answer.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        metrics[MetricKeys.LatencyMs] = new MetricValue(latencyMs, "Stopwatch around IQuestionAnswerer.AskAsync");
        metrics[MetricKeys.AnswerTokens] = new MetricValue(tokens, counting);
        if (answer.Mode == AnswerMode.Generative && latencyMs > 0)
        {
            metrics[MetricKeys.TokensPerSecond] = new MetricValue(tokens / (latencyMs / 1000), string.Create(CultureInfo.InvariantCulture, $"answer tokens ({counting}) ÷ end-to-end latency"));
        }
    }
}
