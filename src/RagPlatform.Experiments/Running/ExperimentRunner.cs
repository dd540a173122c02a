using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Experiments.Definition;
using RagPlatform.Experiments.Results;
using RagPlatform.Prompts;
using RagPlatform.Prompts.DependencyInjection;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Experiments.Running;

/// <summary>Where an experiment's results go and whether stored ones are kept.</summary>
/// <param name="Restart">Discard the answers stored in <paramref name="OutputDirectory"/> and start over.</param>
public sealed record ExperimentRunOptions(string OutputDirectory, bool Restart = false);

/// <summary>Reported after each stored answer (and once at the start, with the answers found from an earlier run).</summary>
/// <param name="Completed">Answers stored, resumed ones included, out of <paramref name="Total"/> (cells × repetitions × questions).</param>
/// <param name="Resumed">Answers that were already stored when the run started.</param>
public sealed record ExperimentProgress(int Completed, int Total, int Resumed, string? CellId, int Repetition, string? QuestionId, bool Failed);

/// <param name="Resumed">Answers kept from an earlier, interrupted run.</param>
/// <param name="Answered">Answers produced by this run.</param>
/// <param name="Notes">Remarks about the design that did not stop the run.</param>
public sealed record ExperimentRunResult(ExperimentSummary Summary, ReportFiles Files, int Resumed, int Answered, IReadOnlyList<string> Notes);

/// <summary>
/// Runs every cell of an experiment: each (model, retrieval, prompt) combination answers every question once per
/// repetition through the platform built from the cell's settings, scored by the evaluation harness. Each answer is
/// appended to the cell's file as soon as it is scored, so a run that is interrupted continues where it stopped.
/// </summary>
public sealed class ExperimentRunner(IConfiguration configuration, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ExperimentRunner>();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <exception cref="ExperimentFileException">The experiment does not fit the prompt library or the models (checked before anything runs).</exception>
    /// <exception cref="InvalidOperationException">The output folder holds results of a different definition or dataset and <see cref="ExperimentRunOptions.Restart"/> is not set.</exception>
    public async Task<ExperimentRunResult> RunAsync(
        ExperimentDefinition definition,
        ExperimentRunOptions options,
        IProgress<ExperimentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var folder = new ExperimentFolder(options.OutputDirectory);
        var dataset = await QaDataset.LoadAsync(definition.DatasetPath, cancellationToken).ConfigureAwait(false);
        var questions = dataset.Items.Take(definition.QuestionLimit ?? int.MaxValue).ToList();
        var cells = definition.Cells
            .Select(cell => (Cell: cell, Settings: (IReadOnlyDictionary<string, string>)CellSettings.For(configuration, definition, cell, folder.Directory)))
            .ToList();
        var notes = await ValidateAsync(definition, cells, cancellationToken).ConfigureAwait(false);

        var manifest = await OpenFolderAsync(folder, CreateManifest(definition, dataset, questions, cells, _time.GetUtcNow()), options.Restart, cancellationToken).ConfigureAwait(false);
        var stored = await ExperimentResults.LoadAsync(folder, manifest, repair: true, cancellationToken).ConfigureAwait(false);
        var done = stored.RecordsByCell.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.Where(record => record.Result.Error is null).Select(record => (record.Repetition, record.QuestionId)).ToHashSet(),
            StringComparer.Ordinal);
        var total = cells.Count * definition.Repetitions * questions.Count;
        var resumed = done.Values.Sum(keys => keys.Count);
        var completed = resumed;
        progress?.Report(new ExperimentProgress(completed, total, resumed, null, 0, null, false));
        if (resumed > 0)
        {
            _logger.LogInformation("Resuming experiment {Name}: {Resumed} of {Total} answers already stored in {Directory}", definition.Name, resumed, total, folder.Directory);
        }

        var indexedStores = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in cells.GroupBy(entry => string.Join("\n", entry.Settings.Select(pair => $"{pair.Key}={pair.Value}"))))
        {
            var pending = group.Where(entry => done[entry.Cell.Id].Count < definition.Repetitions * questions.Count).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            await using var pipeline = CellPipeline.Create(pending[0].Settings, loggerFactory);
            if (definition.StorePath is null && indexedStores.Add(CellSettings.StorePath(pending[0].Settings)))
            {
                await pipeline.IndexCorpusAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var (cell, _) in pending)
            {
                await RunCellAsync(definition, cell, pipeline, questions, done[cell.Id], folder, record =>
                {
                    completed++;
                    progress?.Report(new ExperimentProgress(completed, total, resumed, cell.Id, record.Repetition, record.QuestionId, record.Result.Error is not null));
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        var summary = (await ExperimentResults.LoadAsync(folder, manifest, repair: false, cancellationToken).ConfigureAwait(false)).Summarize();
        var files = await ExperimentReports.WriteSummaryAsync(summary, folder.Directory, cancellationToken).ConfigureAwait(false);
        return new ExperimentRunResult(summary, files, resumed, completed - resumed, notes);
    }

    /// <summary>Answers the cell's questions that have no stored answer yet, storing each before the next starts.</summary>
    private async Task RunCellAsync(
        ExperimentDefinition definition,
        ExperimentCell cell,
        CellPipeline pipeline,
        IReadOnlyList<QaItem> questions,
        HashSet<(int Repetition, string QuestionId)> done,
        ExperimentFolder folder,
        Action<ExperimentRecord> stored,
        CancellationToken cancellationToken)
    {
        var evaluator = new QuestionEvaluator(EvaluationOptionsFor(cell, pipeline), _logger);
        await using var writer = folder.OpenRecordWriter(cell.Id);
        for (var repetition = 1; repetition <= definition.Repetitions; repetition++)
        {
            foreach (var question in questions.Where(question => !done.Contains((repetition, question.Id))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var seed = SeedFor(definition.Seed, repetition, question.Id);
                using var generation = GenerationScope.Begin(seed);
                var result = await evaluator.EvaluateAsync(pipeline.Answerer, question, cancellationToken).ConfigureAwait(false);
                var record = new ExperimentRecord(repetition, question.Id, seed, generation.Prompt, result);
                await writer.AppendAsync(record).ConfigureAwait(false);
                stored(record);
            }
        }
    }

    /// <summary>
    /// The generator's seed for one question of one repetition. It does not depend on the cell, so every variant
    /// answers a question with the same random stream (common random numbers): differences between cells come from
    /// the variants, not from sampling luck.
    /// </summary>
    public static long SeedFor(long experimentSeed, int repetition, string questionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{experimentSeed}\n{repetition}\n{questionId}")));
        return BinaryPrimitives.ReadInt64LittleEndian(hash) & long.MaxValue;
    }

    private async Task<IReadOnlyList<string>> ValidateAsync(
        ExperimentDefinition definition, List<(ExperimentCell Cell, IReadOnlyDictionary<string, string> Settings)> cells, CancellationToken cancellationToken)
    {
        var library = LoadPromptLibrary(cells[0].Settings);
        var (problems, notes) = await ExperimentValidator.ValidateAsync(definition, cells, library, cancellationToken).ConfigureAwait(false);
        return problems.Count > 0 ? throw new ExperimentFileException(definition.SourcePath, problems) : notes;
    }

    // The library the cells will load, found the way the platform finds it (Prompts:Directory).
    private PromptLibrary LoadPromptLibrary(IReadOnlyDictionary<string, string> settings)
    {
        var prompts = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build()
            .GetSection("Prompts");
        using var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddPromptLibrary(prompts.Bind)
            .BuildServiceProvider();
        return services.GetRequiredService<PromptLibrary>();
    }

    private static EvaluationOptions EvaluationOptionsFor(ExperimentCell cell, CellPipeline pipeline)
    {
        var options = new EvaluationOptions();
        pipeline.Configuration.GetSection(EvaluationOptions.SectionName).Bind(options);
        options.TopK = cell.Retrieval.TopK ?? pipeline.Configuration.GetValue("Retrieval:TopK", options.TopK);
        options.Concurrency = 1;
        options.Description = cell.Id;
        options.PromptComponents = cell.Prompt.Components.ToDictionary(StringComparer.Ordinal);
        options.TextScorer ??= pipeline.TextScorer;
        return options;
    }

    private static ExperimentManifest CreateManifest(
        ExperimentDefinition definition,
        QaDataset dataset,
        IReadOnlyList<QaItem> questions,
        IEnumerable<(ExperimentCell Cell, IReadOnlyDictionary<string, string> Settings)> cells,
        DateTimeOffset createdAt) =>
        new(
            definition.Name,
            definition.SourcePath,
            definition.DefinitionHash,
            new RunDatasetInfo(dataset.Name, dataset.SourcePath, dataset.Sha256, dataset.Items.Count),
            definition.Seed,
            definition.Repetitions,
            questions.Select(question => question.Id).ToList(),
            cells.Select(entry => new CellInfo(
                    entry.Cell.Id,
                    entry.Cell.Prompt.Name,
                    entry.Cell.Model.Name,
                    entry.Cell.Retrieval.Name,
                    entry.Cell.Prompt.Components,
                    CellSettings.Overrides(entry.Cell).ToDictionary(
                        pair => pair.Key,
                        pair => pair.Key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase) ? "(set)" : pair.Value,
                        StringComparer.Ordinal)))
                .ToList(),
            createdAt);

    /// <summary>Starts a new folder, or continues one that holds results of the same definition and dataset.</summary>
    private static async Task<ExperimentManifest> OpenFolderAsync(ExperimentFolder folder, ExperimentManifest manifest, bool restart, CancellationToken cancellationToken)
    {
        if (restart)
        {
            folder.Clear(ExperimentReports.FileNames);
        }

        var stored = await folder.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            await folder.WriteManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
            return manifest;
        }

        var changed = stored.DefinitionHash != manifest.DefinitionHash
            ? $"the experiment file {manifest.DefinitionFile} changed"
            : stored.Dataset.Sha256 != manifest.Dataset.Sha256 ? $"the dataset {manifest.Dataset.SourcePath} changed" : null;
        return changed is null
            ? stored
            : throw new InvalidOperationException(
                $"{folder.Directory} holds results of experiment '{stored.Name}' from before {changed} since it was started, so they cannot be continued. " +
                "Run with --restart to discard them and start over, or choose another folder with --output.");
    }
}
