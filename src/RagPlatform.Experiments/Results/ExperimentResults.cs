using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Experiments.Results;

/// <summary>Mean of one metric over an experiment cell's repetitions, with its spread.</summary>
/// <param name="StandardDeviation">Sample standard deviation of the repetition means; 0 with one repetition.</param>
public sealed record MetricStats(double Mean, double StandardDeviation, double Min, double Max, int Repetitions);

/// <param name="Answered">Stored answers, failed ones included.</param>
/// <param name="Metrics">Metric key → statistics over repetitions of the repetition's mean over questions.</param>
public sealed record CellSummary(CellInfo Cell, int Answered, int Expected, int Errors, IReadOnlyDictionary<string, MetricStats> Metrics)
{
    public bool IsComplete => Answered >= Expected;
}

public sealed record ExperimentSummary(
    string Name,
    string DefinitionFile,
    RunDatasetInfo Dataset,
    long Seed,
    int Repetitions,
    int QuestionCount,
    IReadOnlyList<CellSummary> Cells);

/// <summary>Everything stored in an experiment folder: its manifest and every cell's latest answer per question and repetition.</summary>
public sealed class ExperimentResults
{
    internal ExperimentResults(string directory, ExperimentManifest manifest, IReadOnlyDictionary<string, IReadOnlyList<ExperimentRecord>> recordsByCell)
    {
        Directory = directory;
        Manifest = manifest;
        RecordsByCell = recordsByCell;
    }

    public string Directory { get; }

    public ExperimentManifest Manifest { get; }

    /// <summary>Cell id → records, one per (repetition, question): a retried question's latest record.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ExperimentRecord>> RecordsByCell { get; }

    /// <exception cref="FileNotFoundException">The folder holds no experiment.</exception>
    /// <exception cref="InvalidDataException">A stored file is damaged.</exception>
    public static async Task<ExperimentResults> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var folder = new ExperimentFolder(directory);
        var manifest = await folder.ReadManifestAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException(
                $"No experiment in '{directory}': expected {ExperimentFolder.ManifestFileName} (written by 'ragp experiment run').", folder.ManifestPath);
        return await LoadAsync(folder, manifest, repair: false, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="repair">Remove a line cut off by an interruption from the files (only before a run appends to them).</param>
    internal static async Task<ExperimentResults> LoadAsync(ExperimentFolder folder, ExperimentManifest manifest, bool repair, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, IReadOnlyList<ExperimentRecord>>(StringComparer.Ordinal);
        foreach (var cell in manifest.Cells)
        {
            var stored = await folder.ReadRecordsAsync(cell.Id, repair, cancellationToken).ConfigureAwait(false);
            records[cell.Id] = stored
                .GroupBy(record => (record.Repetition, record.QuestionId))
                .Select(group => group.Last())
                .OrderBy(record => record.Repetition)
                .ThenBy(record => record.QuestionId, StringComparer.Ordinal)
                .ToList();
        }

        return new ExperimentResults(folder.Directory, manifest, records);
    }

    /// <summary>Per cell: each repetition scored as an evaluation run (metric means over its questions), then the mean and spread over repetitions.</summary>
    public ExperimentSummary Summarize() => new(
        Manifest.Name,
        Manifest.DefinitionFile,
        Manifest.Dataset,
        Manifest.Seed,
        Manifest.Repetitions,
        Manifest.QuestionIds.Count,
        Manifest.Cells.Select(cell => SummarizeCell(cell, RecordsByCell[cell.Id])).ToList());

    private CellSummary SummarizeCell(CellInfo cell, IReadOnlyList<ExperimentRecord> records)
    {
        var repetitionMeans = records.GroupBy(record => record.Repetition)
            .Select(repetition => QuestionEvaluator.Aggregate(repetition.Select(record => record.Result).ToList()).Overall.Metrics)
            .ToList();
        var metrics = repetitionMeans.SelectMany(means => means.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(key => key, key => Stats(repetitionMeans.Where(means => means.ContainsKey(key)).Select(means => means[key].Mean).ToList()), StringComparer.Ordinal);
        return new CellSummary(cell, records.Count, Manifest.ExpectedAnswersPerCell, records.Count(record => record.Result.Error is not null), metrics);
    }

    private static MetricStats Stats(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var deviation = values.Count > 1 ? Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1)) : 0;
        return new MetricStats(mean, deviation, values.Min(), values.Max(), values.Count);
    }
}
