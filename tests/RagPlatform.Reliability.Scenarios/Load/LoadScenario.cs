using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Rag.Ingestion;
using RagPlatform.Reliability.Infrastructure;

namespace RagPlatform.Reliability.Load;

/// <summary>Latency and errors of one endpoint under load.</summary>
public sealed record EndpointLoad(string Endpoint, int Requests, int Errors, LatencySummary Latency);

/// <summary>Working set and managed heap, both after a full collection.</summary>
public sealed record MemoryPoint(long WorkingSetBytes, long ManagedBytes)
{
    public static MemoryPoint Now()
    {
        var (workingSet, managed) = MemorySampler.Settled();
        return new MemoryPoint(workingSet, managed);
    }

    public override string ToString() => $"{MemorySampler.Megabytes(ManagedBytes)} managed / {MemorySampler.Megabytes(WorkingSetBytes)} working set";
}

/// <summary>What the load scenario measured.</summary>
public sealed record LoadResult(
    int Clients,
    int RequestsPlanned,
    IReadOnlyList<EndpointLoad> Endpoints,
    TimeSpan Elapsed,
    bool FinishedInTime,
    MemoryPoint Start,
    MemoryPoint Middle,
    MemoryPoint End,
    double MemoryTolerance,
    IReadOnlyList<string> Problems)
{
    public int Errors => Endpoints.Sum(endpoint => endpoint.Errors);

    public int Completed => Endpoints.Sum(endpoint => endpoint.Requests);

    public double RequestsPerSecond => Completed / Elapsed.TotalSeconds;

    public bool MemoryStable => End.ManagedBytes <= Start.ManagedBytes * (1 + MemoryTolerance);

    public ScenarioReport ToReport() => new(LoadScenario.Name,
    [
        new("Load: requests completed, errors", $"{Completed} of {RequestsPlanned} by {Clients} clients in {Elapsed.TotalSeconds:0.0} s ({RequestsPerSecond:0.0}/s), {Errors} errors",
            "all, 0 errors", FinishedInTime && Completed == RequestsPlanned && Errors == 0),
        .. Endpoints.Select(endpoint => new Figure(
            $"Load: {endpoint.Endpoint} latency p50 / p95 / max",
            $"{endpoint.Latency.P50Milliseconds:0} / {endpoint.Latency.P95Milliseconds:0} / {endpoint.Latency.MaxMilliseconds:0} ms ({endpoint.Requests} requests)",
            "recorded", endpoint.Latency.Count > 0)),
        new("Load: memory after warm-up / halfway / at the end (after GC)", $"{Start} / {Middle} / {End}",
            $"end managed ≤ start × {1 + MemoryTolerance:0.00}", MemoryStable),
    ], Problems);
}

/// <summary>
/// A bounded load test of the web API on loopback: the sample corpus in a fresh store, a tiny ONNX generator behind
/// /v1/chat/completions, extractive answers on /api/ask, an API key on every request, a fixed number of requests
/// shared by concurrent clients, and a deadline.
/// </summary>
public static class LoadScenario
{
    public const string Name = "load";
    public const string AskEndpoint = "/api/ask";
    public const string ChatEndpoint = "/v1/chat/completions";

    private const string ApiKey = "reliability-load-key";
    private const string ChatModelId = "tiny-llama";

    public static async Task<LoadResult> RunAsync(LoadOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder(Name);
        var decoder = TinyModels.WriteDecoder(scratch.Combine("models", "decoder"));
        await using var api = await LoopbackApi.StartAsync(scratch.Combine("store"), new Dictionary<string, string?>
        {
            ["Api:ApiKeys:0"] = ApiKey,
            ["Api:RateLimit:PermitsPerMinute"] = "0",
            ["Answering:Mode"] = "Extractive",
            ["Models:Generator:Path"] = decoder,
            ["Models:Generator:ModelId"] = ChatModelId,
            ["Models:Generator:IntraOpThreads"] = "1",
        }, cancellationToken);
        var seeded = await api.Services.GetRequiredService<DocumentIngestionService>().IngestAsync([RepositoryLayout.SampleCorpus], cancellationToken: cancellationToken);
        log($"Seeded {seeded.Added} documents of the sample corpus; API on {api.BaseAddress}");

        using var client = api.CreateClient(ApiKey);
        var questions = EvaluationQuestions.Read();
        for (var i = 0; i < 4; i++)
        {
            await SendAsync(client, i, questions, options.MaxTokens, cancellationToken);
        }

        var start = MemoryPoint.Now();
        MemoryPoint? middle = null;
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<TimeSpan>>();
        var errors = new ConcurrentDictionary<string, int>();
        var problems = new ConcurrentQueue<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Deadline);
        var next = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) <= options.Requests && !deadline.IsCancellationRequested)
            {
                if (index == options.Requests / 2)
                {
                    middle = MemoryPoint.Now();
                }

                var timer = Stopwatch.StartNew();
                var (endpoint, problem) = await SendAsync(client, index, questions, options.MaxTokens, deadline.Token);
                latencies.GetOrAdd(endpoint, _ => []).Add(timer.Elapsed);
                if (problem is not null)
                {
                    errors.AddOrUpdate(endpoint, 1, (_, count) => count + 1);
                    problems.Enqueue($"{endpoint} request {index}: {problem}");
                }
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var finishedInTime = !deadline.IsCancellationRequested || next > options.Requests;
        var end = MemoryPoint.Now();

        var endpoints = new[] { AskEndpoint, ChatEndpoint }
            .Select(endpoint => new EndpointLoad(
                endpoint,
                latencies.TryGetValue(endpoint, out var measured) ? measured.Count : 0,
                errors.GetValueOrDefault(endpoint),
                LatencySummary.Of(latencies.TryGetValue(endpoint, out var all) ? [.. all] : [])))
            .ToList();
        foreach (var endpoint in endpoints)
        {
            log($"{endpoint.Endpoint}: {endpoint.Requests} requests, {endpoint.Errors} errors, p50 {endpoint.Latency.P50Milliseconds:0} ms, p95 {endpoint.Latency.P95Milliseconds:0} ms");
        }

        log($"Memory start {start}, middle {middle}, end {end}");
        List<string> allProblems = [.. problems.Take(20)];
        if (!finishedInTime)
        {
            allProblems.Add($"The run did not finish within {options.Deadline}.");
        }

        return new LoadResult(options.Clients, options.Requests, endpoints, elapsed, finishedInTime, start, middle ?? end, end, options.MemoryTolerance, allProblems);
    }

    /// <returns>The endpoint used and, when the request failed, why.</returns>
    private static async Task<(string Endpoint, string? Problem)> SendAsync(
        HttpClient client, int index, IReadOnlyList<string> questions, int maxTokens, CancellationToken cancellationToken)
    {
        var question = questions[index % questions.Count];
        var chat = index % 2 == 1;
        var endpoint = chat ? ChatEndpoint : AskEndpoint;
        try
        {
            using var response = chat
                ? await client.PostAsJsonAsync(ChatEndpoint.TrimStart('/'), new
                {
                    model = ChatModelId,
                    max_tokens = maxTokens,
                    messages = new[] { new { role = "user", content = question } },
                }, cancellationToken)
                : await client.PostAsJsonAsync(AskEndpoint.TrimStart('/'), new { question }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (endpoint, $"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
            }

            using var json = JsonDocument.Parse(body);
            var answered = chat
                ? json.RootElement.GetProperty("choices")[0].GetProperty("message").TryGetProperty("content", out _)
                : json.RootElement.GetProperty("answer").GetString() is { Length: > 0 };
            return (endpoint, answered ? null : "the response carries no answer");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or TaskCanceledException
                                        && !cancellationToken.IsCancellationRequested)
        {
            return (endpoint, $"{exception.GetType().Name}: {exception.Message}");
        }
    }
}
