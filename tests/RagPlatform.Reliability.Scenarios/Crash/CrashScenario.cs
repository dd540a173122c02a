using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using RagPlatform.Reliability.Infrastructure;
using RagPlatform.Storage;

namespace RagPlatform.Reliability.Crash;

/// <summary>What the crash scenario measured.</summary>
/// <param name="KillsSurvived">Kills after which the store opened, <c>ragp doctor</c> exited 0 and every stored document was complete with none lost.</param>
/// <param name="KillsDuringIngestion">Kills that hit a running ingestion rather than one that had already finished.</param>
/// <param name="DocumentsLost">Complete documents that disappeared across a kill, plus corpus files missing at the end.</param>
public sealed record CrashResult(
    int Kills,
    int KillsDuringIngestion,
    int KillsSurvived,
    int DocumentsLost,
    int IncompleteDocuments,
    int FinalDocuments,
    int ExpectedDocuments,
    int StrayDocuments,
    bool FinalRunSucceeded,
    bool FinalDoctorHealthy,
    long Reads,
    int ReaderErrors,
    TimeSpan UninterruptedIngest,
    IReadOnlyList<string> Problems)
{
    public ScenarioReport ToReport() => new(CrashScenario.Name,
    [
        new("Ingestion kills survived (store opens, `ragp doctor` healthy, every stored document complete)",
            $"{KillsSurvived} of {Kills} ({KillsDuringIngestion} hit a running ingestion)", "all", KillsSurvived == Kills && KillsDuringIngestion > 0),
        new("Documents lost across kills and the final re-run", Count(DocumentsLost), "0", DocumentsLost == 0),
        new("Documents after re-running ingestion to completion",
            $"{FinalDocuments} of {ExpectedDocuments}, {StrayDocuments} duplicates, doctor {(FinalDoctorHealthy ? "healthy" : "unhealthy")}",
            "all, 0 duplicates, healthy",
            FinalRunSucceeded && FinalDocuments == ExpectedDocuments && StrayDocuments == 0 && IncompleteDocuments == 0 && FinalDoctorHealthy),
        new("Reader errors while the writer ingests and is killed", $"{ReaderErrors} in {Count(Reads)} reads", "0", ReaderErrors == 0 && Reads > 0),
        new("Uninterrupted ingestion of the generated corpus", $"{UninterruptedIngest.TotalSeconds:0.0} s for {ExpectedDocuments} documents", "(context)", true),
    ], Problems);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Kills the real <c>ragp ingest</c> with SIGKILL at random (seeded) moments while readers search the same store,
/// checks the store after every kill, and finally lets ingestion run to completion.
/// </summary>
public static class CrashScenario
{
    public const string Name = "crash";

    public static async Task<CrashResult> RunAsync(CrashOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder(Name);
        var corpus = GeneratedCorpus.Write(scratch.Combine("corpus"), options.Documents, options.Seed);
        var environment = new Dictionary<string, string?>();
        if (options.WithVectors)
        {
            var encoder = TinyModels.WriteEncoder(scratch.Combine("models", "encoder"));
            foreach (var (key, value) in TinyModels.EmbeddingSettings(encoder))
            {
                environment["RAGP_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        var program = options.RagpProgram ?? RepositoryLayout.RagpProgram;
        var uninterrupted = await TimeUninterruptedIngestAsync(new RagpProcess(program, scratch.Combine("calibration"), scratch.Path, environment), corpus, cancellationToken);
        log($"Uninterrupted ingest of {options.Documents} documents: {uninterrupted.TotalSeconds:0.0} s");

        var storePath = scratch.Combine("store");
        var ragp = new RagpProcess(program, storePath, scratch.Path, environment);
        await using var store = new SqliteChunkStore(Options.Create(new SqliteStoreOptions { DirectoryPath = storePath }));
        using var stopReaders = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = Enumerable.Range(0, options.Readers)
            .Select(reader => StoreReader.RunAsync(store, options.Seed + reader, stopReaders.Token))
            .ToList();

        try
        {
            var random = new Random(options.Seed);
            var problems = new List<string>();
            var stored = new HashSet<string>(StringComparer.Ordinal);
            int killsDuringIngestion = 0, survived = 0, lost = 0, incomplete = 0;
            for (var kill = 1; kill <= options.Kills; kill++)
            {
                var delay = TimeSpan.FromMilliseconds(uninterrupted.TotalMilliseconds * (0.05 + (0.9 * random.NextDouble())));
                var force = stored.Count == corpus.HashesBySourcePath.Count;
                using (var process = ragp.StartIngest(corpus.Folder, force))
                {
                    if (await KillAfterAsync(process, delay, cancellationToken))
                    {
                        killsDuringIngestion++;
                    }
                }

                var check = await CheckAfterKillAsync(ragp, store, corpus, stored, cancellationToken);
                lost += check.Lost;
                incomplete += check.Incomplete;
                problems.AddRange(check.Problems.Select(problem => $"After kill {kill}: {problem}"));
                survived += check.Problems.Count == 0 ? 1 : 0;
                stored = check.Complete;
                log($"Kill {kill}/{options.Kills} after {delay.TotalMilliseconds:0} ms ({(force ? "re-indexing everything" : "continuing")}): " +
                    $"{stored.Count} complete documents, {(check.Problems.Count == 0 ? "store healthy" : string.Join("; ", check.Problems))}");
            }

            using (var final = ragp.StartIngest(corpus.Folder, force: false))
            {
                await final.WaitForExitAsync(cancellationToken);
                var finalSucceeded = final.ExitCode == 0;
                var doctor = await ragp.RunDoctorAsync(cancellationToken);
                var finalState = await StoreVerifier.VerifyAsync(store, corpus, cancellationToken);
                await stopReaders.CancelAsync();
                var reads = await Task.WhenAll(readers);

                var missing = corpus.HashesBySourcePath.Keys.Count(path => !finalState.CompleteDocuments.Contains(path));
                // Missing at the end covers both documents the final run lost and files that never arrived.
                lost += missing;
                incomplete += finalState.Problems.Count - finalState.StrayDocuments;
                problems.AddRange(finalState.Problems.Select(problem => $"After the final run: {problem}"));
                problems.AddRange(reads.SelectMany(reader => reader.Errors).Distinct().Take(20).Select(error => $"Reader: {error}"));
                if (!finalSucceeded)
                {
                    problems.Add($"The final ingest exited with {final.ExitCode}.");
                }

                if (doctor.ExitCode != 0)
                {
                    problems.Add($"ragp doctor exited with {doctor.ExitCode} after the final run: {doctor.Error.Trim()}");
                }

                return new CrashResult(
                    options.Kills, killsDuringIngestion, survived, lost, incomplete,
                    finalState.CompleteDocuments.Count, corpus.HashesBySourcePath.Count, finalState.StrayDocuments, finalSucceeded, doctor.ExitCode == 0,
                    reads.Sum(reader => reader.Reads), reads.Sum(reader => reader.Errors.Count), uninterrupted, problems);
            }
        }
        finally
        {
            // Readers stop even when a check throws, so no loop outlives the scenario.
            await stopReaders.CancelAsync();
            await Task.WhenAll(readers);
        }
    }

    private static async Task<TimeSpan> TimeUninterruptedIngestAsync(RagpProcess ragp, GeneratedCorpus corpus, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var process = ragp.StartIngest(corpus.Folder, force: false);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? clock.Elapsed
            : throw new InvalidOperationException($"The uninterrupted ingest of the generated corpus failed with exit code {process.ExitCode}.");
    }

    /// <returns>True when the process was still running and was killed.</returns>
    private static async Task<bool> KillAfterAsync(Process process, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(delay);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            // SIGKILL on Unix: no handler, no flush, no cleanup runs in the child. A cancelled scenario kills it too.
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return true;
        }
    }

    private sealed record KillCheck(HashSet<string> Complete, int Lost, int Incomplete, List<string> Problems);

    private static async Task<KillCheck> CheckAfterKillAsync(
        RagpProcess ragp, SqliteChunkStore store, GeneratedCorpus corpus, IReadOnlySet<string> storedBefore, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var (exitCode, diagnosis, error) = await ragp.RunDoctorAsync(cancellationToken);
        if (exitCode != 0)
        {
            var found = diagnosis.ValueKind == System.Text.Json.JsonValueKind.Object
                ? string.Join("; ", diagnosis.GetProperty("problems").EnumerateArray().Select(problem => problem.GetString()))
                : error.Trim();
            problems.Add($"ragp doctor exited with {exitCode}: {found}");
        }

        var state = await StoreVerifier.VerifyAsync(store, corpus, cancellationToken);
        problems.AddRange(state.Problems);
        var lost = storedBefore.Where(path => !state.CompleteDocuments.Contains(path)).ToList();
        problems.AddRange(lost.Select(path => $"'{path}' was complete before the kill and is not now."));
        return new KillCheck(state.CompleteDocuments.ToHashSet(StringComparer.Ordinal), lost.Count, state.Problems.Count, problems);
    }
}
