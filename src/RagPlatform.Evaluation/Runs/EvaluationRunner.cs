using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Core.Answers;
using RagPlatform.Evaluation.Datasets;

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
        var evaluator = new QuestionEvaluator(options, _logger);
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
                results[index] = await evaluator.EvaluateAsync(answerer, item, token).ConfigureAwait(false);
                var done = Interlocked.Increment(ref completed);
                progress?.Report(new EvaluationProgress(done, dataset.Items.Count, item.Id, runTimer.Elapsed, results[index].Error is not null));
            }).ConfigureAwait(false);

        runTimer.Stop();
        var run = new EvaluationRun(
            string.Create(CultureInfo.InvariantCulture, $"{startedAt:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}"),
            startedAt,
            runTimer.Elapsed,
            new RunDatasetInfo(dataset.Name, dataset.SourcePath, dataset.Sha256, dataset.Items.Count),
            evaluator.Configuration,
            results,
            QuestionEvaluator.Aggregate(results),
            MeasureResources(),
            []);
        _logger.LogInformation("Run {RunId} finished in {Duration}; {Errors} questions failed", run.RunId, run.Duration, run.Aggregates.ErrorCount);
        return run;
    }

    private static ResourceUsage MeasureResources()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ResourceUsage(process.PeakWorkingSet64, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription);
    }
}
