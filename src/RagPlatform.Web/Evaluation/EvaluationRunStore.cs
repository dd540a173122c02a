using System.Text.RegularExpressions;
using RagPlatform.Evaluation;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Web.Data;

namespace RagPlatform.Web.Evaluation;

/// <summary>A run as the runs list shows it.</summary>
/// <param name="Id">The run's folder name, which addresses it in this application.</param>
/// <param name="F1">Mean token F1 over answerable questions, when measured.</param>
/// <param name="HitAtK">Share of questions with a gold passage in the top k, when measured.</param>
/// <param name="UnsupportedClaimRate">Share of claims the primary groundedness method found unsupported, when measured.</param>
public sealed record RunSummary(
    string Id,
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
/// (as EvaluationReportWriter writes them). Runs started here are stored under their run id, runs started through
/// the HTTP API under its job id, so a run is addressed by its folder name. Those ids come from URLs and are
/// checked before they touch a path.
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
                summaries.Add(Summarize(Path.GetFileName(folder), await EvaluationRun.LoadAsync(runJson, cancellationToken)));
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                logger.LogWarning(e, "Skipping unreadable evaluation run {Folder}", folder);
            }
        }

        return summaries.OrderByDescending(s => s.StartedAt).ToList();
    }

    /// <returns>The run stored in folder <paramref name="id"/>, or null when there is none.</returns>
    public async Task<EvaluationRun?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var runJson = RunFile(id, EvaluationReportWriter.RunJsonFileName);
        return runJson is not null && File.Exists(runJson) ? await EvaluationRun.LoadAsync(runJson, cancellationToken) : null;
    }

    /// <summary>The full path of a file in a run's folder, or null when <paramref name="id"/> is not a valid folder name.</summary>
    public string? RunFile(string id, string fileName) =>
        IsValidRunId(id) ? Path.Combine(Directory, id, fileName) : null;

    /// <summary>Writes run.json and both reports into a new folder named after the run id.</summary>
    /// <returns>The folder name that addresses the run.</returns>
    public async Task<string> SaveAsync(EvaluationRun run, CancellationToken cancellationToken)
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
            return run.RunId;
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
    public async Task<EvaluationRun> RateAsync(string id, HumanRating rating, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        HumanRatings.Validate(rating);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var run = await FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"There is no evaluation run '{id}'.");
            if (run.Questions.All(q => q.Id != rating.QuestionId))
            {
                throw new InvalidOperationException($"Run '{id}' has no question '{rating.QuestionId}'.");
            }

            var rated = HumanRatingSheet.Attach(run, [rating]);
            await writer.WriteAsync(rated, Path.Combine(Directory, id), cancellationToken);
            return rated;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public static bool IsValidRunId(string? id) => id is { Length: > 0 and <= 100 } && RunIdPattern().IsMatch(id);

    private static RunSummary Summarize(string id, EvaluationRun run)
    {
        var metrics = run.Aggregates.Overall.Metrics;
        double? Mean(string key) => metrics.TryGetValue(key, out var summary) ? summary.Mean : null;
        return new RunSummary(
            id,
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
