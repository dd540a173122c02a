using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Core.Answers;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Runs;

/// <summary>
/// Runs every question of a QA dataset through an <see cref="IQuestionAnswerer"/>, measures latency, and scores
/// answers (SQuAD EM/F1, BLEU, ROUGE), retrieval (against gold passages), groundedness per claim, citations and
/// abstention. A question whose answering throws is recorded with its error and the run continues.
/// </summary>
public sealed class EvaluationRunner(ILogger<EvaluationRunner>? logger = null, TimeProvider? timeProvider = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<EvaluationRunner>.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<EvaluationRun> RunAsync(
        IQuestionAnswerer answerer,
        QaDataset dataset,
        EvaluationOptions options,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var checkers = CreateCheckers(options);
        var bleuOptions = BleuOptions.Corpus;
        var scorer = new QuestionScorer(options, checkers, bleuOptions);
        var startedAt = _time.GetUtcNow();
        var runTimer = Stopwatch.StartNew();
        var results = new QuestionResult[dataset.Items.Count];
        var completed = 0;
        _logger.LogInformation("Evaluating {Count} questions from {Dataset} (top-k {TopK}, concurrency {Concurrency})", dataset.Items.Count, dataset.Name, options.TopK, options.Concurrency);

        await Parallel.ForEachAsync(
            Enumerable.Range(0, dataset.Items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var item = dataset.Items[index];
                results[index] = await EvaluateQuestionAsync(answerer, item, options, scorer, token).ConfigureAwait(false);
                var done = Interlocked.Increment(ref completed);
                progress?.Report(new EvaluationProgress(done, dataset.Items.Count, item.Id, runTimer.Elapsed, results[index].Error is not null));
            }).ConfigureAwait(false);

        runTimer.Stop();
        var configuration = new RunConfiguration(
            options.Description ?? "",
            options.TopK,
            options.Concurrency,
            checkers.Select(checker => checker.Description).ToList(),
            checkers[0].Method,
            options.TextScorer?.GetType().Name,
            options.AnswerTokenCounter is null ? QuestionScorer.WhitespaceTokenCounting : QuestionScorer.TokenizerTokenCounting,
            SquadMetrics.Method,
            bleuOptions.Signature,
            Rouge.Method,
            RetrievalMetrics.Method,
            PassageRelevance.Rule);
        var run = new EvaluationRun(
            string.Create(CultureInfo.InvariantCulture, $"{startedAt:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}"),
            startedAt,
            runTimer.Elapsed,
            new RunDatasetInfo(dataset.Name, dataset.SourcePath, dataset.Sha256, dataset.Items.Count),
            configuration,
            results,
            RunAggregator.Aggregate(results, bleuOptions),
            MeasureResources(),
            []);
        _logger.LogInformation("Run {RunId} finished in {Duration}; {Errors} questions failed", run.RunId, run.Duration, run.Aggregates.ErrorCount);
        return run;
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

    private async Task<QuestionResult> EvaluateQuestionAsync(IQuestionAnswerer answerer, QaItem item, EvaluationOptions options, QuestionScorer scorer, CancellationToken cancellationToken)
    {
        var request = new AskRequest(item.Question, TopK: options.TopK, PromptComponents: options.PromptComponents.Count > 0 ? options.PromptComponents : null);
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
        return await scorer.ScoreAsync(item, answer, latencyMs, cancellationToken).ConfigureAwait(false);
    }

    private static ResourceUsage MeasureResources()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ResourceUsage(process.PeakWorkingSet64, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription);
    }
}
