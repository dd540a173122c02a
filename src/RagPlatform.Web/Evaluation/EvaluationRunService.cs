using Microsoft.Extensions.AI;
using RagPlatform.Core.Answers;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Web.Evaluation;

/// <summary>
/// Runs one evaluation at a time in the background (it outlives the page that started it) and tells every open
/// evaluation page how far it has got. Finished runs are written to the run store with their reports.
/// </summary>
internal sealed class EvaluationRunService(
    IQuestionAnswerer answerer,
    EvaluationRunner runner,
    EvaluationRunStore runs,
    IHostApplicationLifetime lifetime,
    ILogger<EvaluationRunService> logger,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;

    /// <summary>Raised, on a worker thread, when a run starts, progresses or ends.</summary>
    public event Action? Changed;

    public bool IsRunning => _running is not null;

    public EvaluationDataset? Dataset { get; private set; }

    public EvaluationProgress? Progress { get; private set; }

    /// <summary>The id (folder) of the run that finished last, or null.</summary>
    public string? LastRunId { get; private set; }

    /// <summary>Why the last run did not finish, or null.</summary>
    public string? LastError { get; private set; }

    /// <returns>False when a run is already under way.</returns>
    public bool TryStart(EvaluationDataset dataset, int topK, string? description)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var options = new EvaluationOptions { TopK = topK, Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(), Embeddings = embeddings };
        CancellationToken token;
        lock (_gate)
        {
            if (_running is not null)
            {
                return false;
            }

            _running = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
            token = _running.Token;
            Dataset = dataset;
            Progress = null;
            LastError = null;
        }

        _ = RunAsync(dataset, options, token);
        return true;
    }

    public void Cancel() => _running?.Cancel();

    private async Task RunAsync(EvaluationDataset dataset, EvaluationOptions options, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Changed?.Invoke();
        try
        {
            var qa = await QaDataset.LoadAsync(dataset.FullPath, cancellationToken);
            var run = await runner.RunAsync(answerer, qa, options, new ProgressSink(this), cancellationToken);
            LastRunId = await runs.SaveAsync(run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LastError = "The run was cancelled; nothing was saved.";
        }
        catch (Exception e) when (e is DatasetFormatException or IOException or InvalidDataException or InvalidOperationException or ArgumentException)
        {
            logger.LogError(e, "Evaluation of {Dataset} failed", dataset.Key);
            LastError = e.Message;
        }
        finally
        {
            lock (_gate)
            {
                _running?.Dispose();
                _running = null;
            }

            Changed?.Invoke();
        }
    }

    private sealed class ProgressSink(EvaluationRunService owner) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            owner.Progress = value;
            owner.Changed?.Invoke();
        }
    }
}
