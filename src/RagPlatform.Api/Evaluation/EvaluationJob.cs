using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Api.Evaluation;

internal enum EvaluationJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Canceled,
}

/// <summary>What a request asked to evaluate.</summary>
internal sealed record EvaluationJobRequest(string DatasetPath, int? TopK, string? Description, IReadOnlyDictionary<string, string>? PromptComponents);

/// <summary>A snapshot of a job; the worker replaces it as the run advances.</summary>
internal sealed record EvaluationJobState(
    EvaluationJobStatus Status,
    int Completed,
    int Total,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? Error = null,
    EvaluationRun? Run = null,
    string? ReportDirectory = null);

/// <summary>An evaluation run requested through the API, from queued to finished.</summary>
internal sealed class EvaluationJob(string id, EvaluationJobRequest request, DateTimeOffset createdAt)
{
    private volatile EvaluationJobState _state = new(EvaluationJobStatus.Queued, 0, 0);

    public string Id { get; } = id;

    public EvaluationJobRequest Request { get; } = request;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public EvaluationJobState State => _state;

    public void Update(Func<EvaluationJobState, EvaluationJobState> change) => _state = change(_state);
}
