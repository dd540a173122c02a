using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Core.Answers;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Runs;

/// <summary>
/// Answers and scores one question at a time with the harness's metrics and groundedness methods, for callers that
/// store each result as it arrives (experiments) as well as for <see cref="EvaluationRunner"/>. A question whose
/// answering throws is scored as failed with its error; cancellation is passed on.
/// </summary>
public sealed class QuestionEvaluator
{
    private static readonly BleuOptions BleuOptions = BleuOptions.Corpus;

    private readonly EvaluationOptions _options;
    private readonly QuestionScorer _scorer;
    private readonly ILogger _logger;

    public QuestionEvaluator(EvaluationOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        var checkers = CreateCheckers(options);
        _scorer = new QuestionScorer(options, checkers, BleuOptions);
        Configuration = new RunConfiguration(
            options.Description ?? "",
            options.TopK,
            options.Concurrency,
            checkers.Select(checker => checker.Description).ToList(),
            checkers[0].Method,
            options.TextScorer?.GetType().Name,
            options.AnswerTokenCounter is null ? QuestionScorer.WhitespaceTokenCounting : QuestionScorer.TokenizerTokenCounting,
            SquadMetrics.Method,
            BleuOptions.Signature,
            Rouge.Method,
            RetrievalMetrics.Method,
            PassageRelevance.Rule);
    }

    /// <summary>The methods behind every number, as recorded in a run.</summary>
    public RunConfiguration Configuration { get; }

    /// <summary>Metric means, abstention classification, latency and corpus BLEU over a set of scored questions.</summary>
    public static RunAggregates Aggregate(IReadOnlyList<QuestionResult> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return RunAggregator.Aggregate(questions, BleuOptions);
    }

    public async Task<QuestionResult> EvaluateAsync(IQuestionAnswerer answerer, QaItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(item);
        var request = new AskRequest(item.Question, TopK: _options.TopK, PromptComponents: _options.PromptComponents.Count > 0 ? _options.PromptComponents : null);
        var timer = Stopwatch.StartNew();
        GroundedAnswer answer;
        try
        {
            answer = await answerer.AskAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(exception, "Question {QuestionId} failed", item.Id);
            return QuestionScorer.Failed(item, exception, timer.Elapsed.TotalMilliseconds);
        }

        var latencyMs = timer.Elapsed.TotalMilliseconds;
        return await _scorer.ScoreAsync(item, answer, latencyMs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The most capable method available comes first and becomes the primary one.</summary>
    private static List<IGroundednessChecker> CreateCheckers(EvaluationOptions options)
    {
        var checkers = new List<IGroundednessChecker>();
        if (options.Judge is not null)
        {
            checkers.Add(new LlmJudgeGroundednessChecker(options.Judge));
        }

        if (options.Embeddings is not null)
        {
            checkers.Add(new SemanticGroundednessChecker(options.Embeddings, options.Semantic));
        }

        checkers.Add(new LexicalGroundednessChecker(options.Lexical, options.Analyzer));
        return checkers;
    }
}
