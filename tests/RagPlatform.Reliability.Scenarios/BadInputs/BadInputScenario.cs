using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Core.Storage;
using RagPlatform.Rag.Ingestion;
using RagPlatform.Reliability.Infrastructure;
using RagPlatform.Storage;

namespace RagPlatform.Reliability.BadInputs;

/// <summary>How one bad input was handled.</summary>
/// <param name="Outcome">What ingestion reported for it ("Failed: reason", "Added", or "not listed").</param>
public sealed record BadInputOutcome(BadInput Input, string Outcome, bool HandledCleanly);

/// <summary>What the bad-input scenario measured.</summary>
public sealed record BadInputResult(
    IReadOnlyList<BadInputOutcome> Outcomes,
    int GoodFilesIngested,
    int GoodFiles,
    bool EarlierDocumentsIntact,
    IReadOnlyList<string> StoreProblems,
    long PeakWorkingSetGrowthBytes,
    long PeakMemoryGrowthLimitBytes,
    TimeSpan Duration)
{
    public int HandledCleanly => Outcomes.Count(outcome => outcome.HandledCleanly);

    public ScenarioReport ToReport() => new(BadInputScenario.Name,
    [
        new("Bad inputs handled cleanly (reported with a reason, or ingested without their hostile content)",
            $"{HandledCleanly} of {Outcomes.Count}", "all", HandledCleanly == Outcomes.Count),
        new("Good files of the same batch ingested", $"{GoodFilesIngested} of {GoodFiles}", "all", GoodFilesIngested == GoodFiles),
        new("Store after the batch (doctor, earlier documents unchanged)",
            StoreProblems.Count == 0 && EarlierDocumentsIntact ? "healthy, intact" : $"{StoreProblems.Count} problem(s), earlier documents {(EarlierDocumentsIntact ? "intact" : "changed")}",
            "healthy, intact", StoreProblems.Count == 0 && EarlierDocumentsIntact),
        new("Peak working-set growth while ingesting the batch",
            $"{MemorySampler.Megabytes(PeakWorkingSetGrowthBytes)} ({Duration.TotalSeconds:0.0} s)", $"≤ {MemorySampler.Megabytes(PeakMemoryGrowthLimitBytes)}",
            PeakWorkingSetGrowthBytes <= PeakMemoryGrowthLimitBytes),
    ],
    [
        .. Outcomes.Where(outcome => !outcome.HandledCleanly).Select(outcome => $"{outcome.Input.Kind} ({outcome.Input.RelativePath}): expected {outcome.Input.Expectation.Description}, got {outcome.Outcome}"),
        .. StoreProblems,
    ]);
}

/// <summary>
/// Ingests a generated batch of broken and hostile files, mixed with good ones, into a store that already holds
/// documents, in-process through the platform's ingestion service.
/// </summary>
public static class BadInputScenario
{
    public const string Name = "bad-inputs";

    public static async Task<BadInputResult> RunAsync(BadInputOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder(Name);
        var batch = scratch.Combine("batch");
        var inputs = BadInputCorpus.Write(batch, options.MaxFileBytes, options.InlineDataBytes, options.NestingDepth, options.Seed);
        var earlier = scratch.Combine("earlier");
        Directory.CreateDirectory(earlier);
        await File.WriteAllTextAsync(Path.Combine(earlier, "policy.md"), "# Policy\n\nVisitors sign in at the front desk.\n", cancellationToken);

        await using var services = PlatformServices.Build(
            scratch.Combine("store"),
            new Dictionary<string, string?> { ["Ingestion:MaxFileBytes"] = options.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var ingestion = services.GetRequiredService<DocumentIngestionService>();
        var store = services.GetRequiredService<SqliteChunkStore>();
        await ingestion.IngestAsync([earlier], cancellationToken: cancellationToken);
        var before = await SnapshotAsync(store, cancellationToken);

        IngestionReport report;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long peakGrowth;
        await using (var memory = MemorySampler.Start())
        {
            report = await ingestion.IngestAsync([batch], cancellationToken: cancellationToken);
            peakGrowth = memory.PeakWorkingSetBytes - memory.StartWorkingSetBytes;
        }

        log($"Ingested the batch of {report.Files.Count} files in {clock.Elapsed.TotalSeconds:0.0} s: {report.Added} added, {report.Failed} failed");
        var byPath = report.Files.ToDictionary(file => Path.GetRelativePath(batch, file.SourcePath).Replace(Path.DirectorySeparatorChar, '/'), StringComparer.Ordinal);
        var outcomes = new List<BadInputOutcome>();
        foreach (var input in inputs)
        {
            var outcome = await JudgeAsync(input, byPath, store, cancellationToken);
            outcomes.Add(outcome);
            log($"  {(outcome.HandledCleanly ? "ok  " : "FAIL")} {input.Kind}: {outcome.Outcome}");
        }

        var goodIngested = BadInputCorpus.GoodFiles.Count(good => byPath.TryGetValue(good, out var file) && file.Outcome == IngestionOutcome.Added);
        var after = await SnapshotAsync(store, cancellationToken);
        var intact = before.All(entry => after.TryGetValue(entry.Key, out var now) && now == entry.Value);
        var diagnosis = await store.DiagnoseAsync(cancellationToken);
        return new BadInputResult(outcomes, goodIngested, BadInputCorpus.GoodFiles.Length, intact, diagnosis.Problems, peakGrowth, options.PeakMemoryGrowthLimitBytes, clock.Elapsed);
    }

    private static async Task<BadInputOutcome> JudgeAsync(
        BadInput input, IReadOnlyDictionary<string, FileIngestionResult> byPath, IChunkStore store, CancellationToken cancellationToken)
    {
        if (input.Expectation is NotFollowed)
        {
            var below = byPath.Keys.Where(path => path.StartsWith(input.RelativePath + "/", StringComparison.Ordinal)).ToList();
            return new BadInputOutcome(input, below.Count == 0 ? "not followed" : $"followed: {string.Join(", ", below.Take(3))}", below.Count == 0);
        }

        if (!byPath.TryGetValue(input.RelativePath, out var file))
        {
            return new BadInputOutcome(input, "not listed in the ingestion report", false);
        }

        switch (input.Expectation)
        {
            case Rejected rejected:
                var stored = file.DocumentId is not null && await store.GetDocumentAsync(file.DocumentId, cancellationToken) is not null;
                var reported = file.Outcome == IngestionOutcome.Failed && file.Error is { } reason && rejected.Reason.IsMatch(reason);
                return new BadInputOutcome(input, $"{file.Outcome}: {file.Error}", reported && !stored);
            case IngestedSafely safely:
                if (file.Outcome != IngestionOutcome.Added || file.DocumentId is null)
                {
                    return new BadInputOutcome(input, $"{file.Outcome}: {file.Error}", false);
                }

                var text = await store.GetDocumentTextAsync(file.DocumentId, cancellationToken) ?? string.Empty;
                var leaked = safely.ForbiddenText.Where(forbidden => text.Contains(forbidden, StringComparison.OrdinalIgnoreCase)).ToList();
                return new BadInputOutcome(input, leaked.Count == 0 ? $"added, {text.Length} characters of text" : $"added, but its text contains {string.Join(", ", leaked)}", leaked.Count == 0);
            default:
                throw new InvalidOperationException($"Unknown expectation {input.Expectation.GetType().Name}.");
        }
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(IChunkStore store, CancellationToken cancellationToken)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in await store.ListDocumentsAsync(cancellationToken))
        {
            var chunks = await store.GetChunksAsync(document.Id, cancellationToken);
            snapshot[document.Id] = document.ContentHash + "|" + string.Join("|", chunks.Select(chunk => chunk.Text));
        }

        return snapshot;
    }
}
