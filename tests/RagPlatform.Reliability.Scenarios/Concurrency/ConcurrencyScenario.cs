using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Core.Answers;
using RagPlatform.Rag.Ingestion;
using RagPlatform.Reliability.Infrastructure;

namespace RagPlatform.Reliability.Concurrency;

/// <param name="Documents">Generated documents ingested while the questions are asked.</param>
/// <param name="Askers">Concurrent question loops.</param>
public sealed record ConcurrencyOptions(int Documents = 600, int Askers = 4, int Seed = 99);

/// <summary>What the concurrency scenario measured.</summary>
/// <param name="AnsweredFromSampleCorpus">Answers that cited the sample corpus, which was indexed before the writer started.</param>
public sealed record ConcurrencyResult(
    int Answered,
    int AnsweredFromSampleCorpus,
    int Errors,
    LatencySummary Latency,
    int DocumentsIngested,
    int DocumentsToIngest,
    TimeSpan IngestionTime,
    IReadOnlyList<string> Problems)
{
    public ScenarioReport ToReport() => new(ConcurrencyScenario.Name,
    [
        new("Questions answered while ingestion runs in the same process",
            $"{Answered} answered ({AnsweredFromSampleCorpus} citing the sample corpus), {Errors} errors, p50 {Latency.P50Milliseconds:0} ms / p95 {Latency.P95Milliseconds:0} ms",
            "> 0 answered, 0 errors", Answered > 0 && AnsweredFromSampleCorpus > 0 && Errors == 0),
        new("Documents ingested meanwhile", $"{DocumentsIngested} of {DocumentsToIngest} in {IngestionTime.TotalSeconds:0.0} s", "all", DocumentsIngested == DocumentsToIngest),
    ], Problems);
}

/// <summary>Asks the evaluation questions in concurrent loops for as long as a large ingestion runs in-process.</summary>
public static class ConcurrencyScenario
{
    public const string Name = "concurrency";

    public static async Task<ConcurrencyResult> RunAsync(ConcurrencyOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder(Name);
        var corpus = GeneratedCorpus.Write(scratch.Combine("corpus"), options.Documents, options.Seed);
        await using var services = PlatformServices.Build(scratch.Combine("store"), new Dictionary<string, string?> { ["Answering:Mode"] = "Extractive" });
        var ingestion = services.GetRequiredService<DocumentIngestionService>();
        await ingestion.IngestAsync([RepositoryLayout.SampleCorpus], cancellationToken: cancellationToken);
        var sampleCorpus = RepositoryLayout.SampleCorpus.Replace(Path.DirectorySeparatorChar, '/');

        var answerer = services.GetRequiredService<IQuestionAnswerer>();
        var questions = EvaluationQuestions.Read();
        using var ingestionDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var writer = Task.Run(async () =>
        {
            try
            {
                return await ingestion.IngestAsync([corpus.Folder], cancellationToken: cancellationToken);
            }
            finally
            {
                await ingestionDone.CancelAsync();
            }
        }, CancellationToken.None);

        var askers = Enumerable.Range(0, options.Askers).Select(asker => Task.Run(async () =>
        {
            var latencies = new List<TimeSpan>();
            var fromSample = 0;
            var errors = new List<string>();
            for (var i = asker; !ingestionDone.IsCancellationRequested; i += options.Askers)
            {
                var timer = Stopwatch.StartNew();
                try
                {
                    var answer = await answerer.AskAsync(new AskRequest(questions[i % questions.Count]), cancellationToken);
                    latencies.Add(timer.Elapsed);
                    fromSample += answer.Citations.Any(citation => citation.SourcePath.StartsWith(sampleCorpus, StringComparison.Ordinal)) ? 1 : 0;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    errors.Add($"{exception.GetType().Name}: {exception.Message}");
                }
            }

            return (latencies, fromSample, errors);
        }, CancellationToken.None)).ToList();

        var report = await writer;
        var ingestionTime = clock.Elapsed;
        var results = await Task.WhenAll(askers);
        var latencies = results.SelectMany(result => result.latencies).ToList();
        var errors = results.SelectMany(result => result.errors).ToList();
        log($"Ingested {report.Added} documents in {ingestionTime.TotalSeconds:0.0} s while answering {latencies.Count} questions ({errors.Count} errors)");
        return new ConcurrencyResult(
            latencies.Count, results.Sum(result => result.fromSample), errors.Count, LatencySummary.Of(latencies),
            report.Added, options.Documents, ingestionTime, [.. errors.Distinct().Take(20), .. report.Files.Where(file => file.Error is not null).Select(file => $"{file.SourcePath}: {file.Error}")]);
    }
}
