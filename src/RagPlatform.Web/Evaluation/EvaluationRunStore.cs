using System.Text.RegularExpressions;
using RagPlatform.Evaluation;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Web.Data;

namespace RagPlatform.Web.Evaluation;

/// <summary>A run as the runs list shows it.</summary>
/// <param name="F1">Mean token F1 over answerable questions, when measured.</param>
/// <param name="HitAtK">Share of questions with a gold passage in the top k, when measured.</param>
/// <param name="UnsupportedClaimRate">Share of claims the primary groundedness method found unsupported, when measured.</param>
public sealed record RunSummary(
    string RunId,
    DateTimeOffset StartedAt,
    string Description,
    string DatasetName,
    int QuestionCount,
    int ErrorCount,
    double? F1,
    double? HitAtK,
    double? UnsupportedClaimRate,
    int RatingCount);

/// <summary>
/// The evaluation runs under &lt;store&gt;/eval-runs, one folder per run holding run.json, report.md and report.html
/// (as EvaluationReportWriter writes them). Run ids come from URLs, so they are checked before they touch a path.
/// </summary>
internal sealed partial class EvaluationRunStore(WebDataPaths paths, EvaluationReportWriter writer, ILogger<EvaluationRunStore> logger)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public string Directory => paths.EvaluationRunsDirectory;

    /// <summary>Every readable run, newest first; unreadable folders are logged and skipped.</summary>
    public async Task<IReadOnlyList<RunSummary>> ListAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var summaries = new List<RunSummary>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var runJson = Path.Combine(folder, EvaluationReportWriter.RunJsonFileName);
            if (!File.Exists(runJson))
            {
                continue;
            }

            try
            {
                summaries.Add(Summarize(await EvaluationRun.LoadAsync(runJson, cancellationToken)));
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                logger.LogWarning(e, "Skipping unreadable evaluation run {Folder}", folder);
            }
        }

        return summaries.OrderByDescending(s => s.StartedAt).ToList();
    }

    /// <returns>The run, or null when no run has that id.</returns>
    public async Task<EvaluationRun?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        var runJson = RunFile(runId, EvaluationReportWriter.RunJsonFileName);
        return runJson is not null && File.Exists(runJson) ? await EvaluationRun.LoadAsync(runJson, cancellationToken) : null;
    }

    /// <summary>The full path of a file in a run's folder, or null when the run id is not a valid id.</summary>
    public string? RunFile(string runId, string fileName) =>
        IsValidRunId(runId) ? Path.Combine(Directory, runId, fileName) : null;

    /// <summary>Writes run.json and both reports into the run's folder.</summary>
    public async Task SaveAsync(EvaluationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!IsValidRunId(run.RunId))
        {
            throw new ArgumentException($"'{run.RunId}' cannot be used as a run folder name.", nameof(run));
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await writer.WriteAsync(run, Path.Combine(Directory, run.RunId), cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Adds a human rating to a run (replacing the same rater's earlier rating of that question) and rewrites the
    /// reports, so their human-agreement section includes it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run or the question does not exist.</exception>
    public async Task<EvaluationRun> RateAsync(string runId, HumanRating rating, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        HumanRatings.Validate(rating);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var run = await FindAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"There is no evaluation run '{runId}'.");
            if (run.Questions.All(q => q.Id != rating.QuestionId))
            {
                throw new InvalidOperationException($"Run '{runId}' has no question '{rating.QuestionId}'.");
            }

            var rated = HumanRatingSheet.Attach(run, [rating]);
            await writer.WriteAsync(rated, Path.Combine(Directory, runId), cancellationToken);
            return rated;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public static bool IsValidRunId(string? runId) => runId is { Length: > 0 and <= 100 } && RunIdPattern().IsMatch(runId);

    private static RunSummary Summarize(EvaluationRun run)
    {
        var metrics = run.Aggregates.Overall.Metrics;
        double? Mean(string key) => metrics.TryGetValue(key, out var summary) ? summary.Mean : null;
        return new RunSummary(
            run.RunId,
            run.StartedAt,
            run.Configuration.Description,
            run.Dataset.Name,
            run.Dataset.QuestionCount,
            run.Aggregates.ErrorCount,
            Mean(MetricKeys.F1),
            Mean(MetricKeys.HitAt(run.Configuration.TopK)),
            Mean(MetricKeys.UnsupportedClaimRate),
            run.HumanRatings.Count);
    }

    // Letters, digits, '-', '_' and '.', not starting with '.': never a path separator or a parent reference.
    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial Regex RunIdPattern();
}
