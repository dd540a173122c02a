using System.Text.Json;
using System.Text.Json.Serialization;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Api.Evaluation;

/// <param name="Dataset">A JSON-lines QA dataset relative to the datasets folder; omitted uses the default (qa.jsonl).</param>
/// <param name="TopK">Chunks retrieved per question; omitted uses Evaluation:TopK.</param>
internal sealed record StartEvaluationRequestDto(
    string? Dataset = null,
    int? TopK = null,
    string? Description = null,
    IReadOnlyDictionary<string, string>? PromptComponents = null);

/// <param name="Status">"queued", "running", "completed", "failed" or "canceled".</param>
/// <param name="Result">Metrics of the finished run; null until the status is "completed".</param>
internal sealed record EvaluationRunStatusDto(
    string Id,
    string Status,
    string Dataset,
    int Completed,
    int Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    EvaluationResultDto? Result)
{
    public static EvaluationRunStatusDto From(EvaluationJob job, string datasetsRoot)
    {
        var state = job.State;
        return new(
            job.Id,
            state.Status.ToString().ToLowerInvariant(),
            Path.GetRelativePath(datasetsRoot, job.Request.DatasetPath).Replace(Path.DirectorySeparatorChar, '/'),
            state.Completed,
            state.Total,
            job.CreatedAt,
            state.StartedAt,
            state.FinishedAt,
            state.Error,
            state.Run is { } run ? EvaluationResultDto.From(run, state.ReportDirectory!) : null);
    }
}

/// <param name="Metrics">Mean of each metric over all questions, by metric key (f1, exact_match, hit@5, …).</param>
/// <param name="ByLanguage">The same means per question language.</param>
/// <param name="ReportDirectory">Where run.json, report.md and report.html were written on the server.</param>
internal sealed record EvaluationResultDto(
    string RunId,
    double DurationSeconds,
    int QuestionCount,
    int ErrorCount,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByLanguage,
    LatencyDto Latency,
    string ReportDirectory)
{
    public static EvaluationResultDto From(EvaluationRun run, string reportDirectory) => new(
        run.RunId,
        run.Duration.TotalSeconds,
        run.Questions.Count,
        run.Aggregates.ErrorCount,
        Means(run.Aggregates.Overall),
        run.Aggregates.ByLanguage.ToDictionary(group => group.Name, Means),
        new LatencyDto(run.Aggregates.Latency.MeanMs, run.Aggregates.Latency.P50Ms, run.Aggregates.Latency.P95Ms, run.Aggregates.Latency.MaxMs),
        reportDirectory);

    private static IReadOnlyDictionary<string, double> Means(MetricGroup group) =>
        group.Metrics.ToDictionary(metric => metric.Key, metric => metric.Value.Mean);
}

internal sealed record LatencyDto(double MeanMs, double P50Ms, double P95Ms, double MaxMs);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(StartEvaluationRequestDto))]
[JsonSerializable(typeof(EvaluationRunStatusDto))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
