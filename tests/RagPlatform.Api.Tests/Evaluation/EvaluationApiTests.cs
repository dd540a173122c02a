using System.Text.Json;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests.Evaluation;

public sealed class EvaluationApiTests : IAsyncLifetime
{
    private const string Dataset =
        """
        {"id":"e1","question":"What does self-attention let every token do?","answers":["weigh every other token in the sequence"],"passages":[{"source":"attention.md","text":"Self-attention lets every token weigh every other token in the sequence."}],"answerable":true,"language":"en","tags":["attention"]}
        {"id":"e2","question":"Who won the football world cup in 1998?","answers":[],"answerable":false,"language":"en","tags":["unanswerable"]}
        """;

    private readonly string _datasets = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ragp-api-eval", Guid.NewGuid().ToString("N"))).FullName;
    private RagServer? _rag;

    private RagServer Rag => _rag!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_datasets, "qa.jsonl"), Dataset);
        File.WriteAllText(Path.Combine(_datasets, "broken.jsonl"), "{\"id\": \"b1\", \"question\": ");
        _rag = await RagServer.StartAsync(new Dictionary<string, string?> { ["Api:Evaluation:DatasetsPath"] = _datasets });
    }

    public async Task DisposeAsync()
    {
        await Rag.DisposeAsync();
        Directory.Delete(_datasets, recursive: true);
    }

    [Fact]
    public async Task A_run_on_the_default_dataset_completes_in_the_background_with_metrics_and_reports()
    {
        using var started = await Rag.Http.PostAsync("api/eval/runs", HttpHelpers.Json("""{"topK":2,"description":"api test"}"""));
        var accepted = await started.ReadJsonAsync();
        var id = accepted.GetProperty("id").GetString()!;

        Assert.Equal(202, (int)started.StatusCode);
        Assert.Equal($"/api/eval/runs/{id}", started.Headers.Location?.OriginalString);
        Assert.Contains(accepted.GetProperty("status").GetString(), new[] { "queued", "running" });
        Assert.Equal("qa.jsonl", accepted.GetProperty("dataset").GetString());

        var finished = await WaitForEndAsync(id);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal(2, finished.GetProperty("completed").GetInt32());
        Assert.Equal(2, finished.GetProperty("total").GetInt32());
        var result = finished.GetProperty("result");
        Assert.Equal(2, result.GetProperty("questionCount").GetInt32());
        Assert.Equal(0, result.GetProperty("errorCount").GetInt32());
        var metrics = result.GetProperty("metrics");
        Assert.Equal(1.0, metrics.GetProperty("abstention_correct").GetDouble());
        Assert.Equal(1.0, metrics.GetProperty("hit@2").GetDouble());
        Assert.InRange(metrics.GetProperty("f1").GetDouble(), 0.3, 1.0);
        Assert.True(result.GetProperty("byLanguage").TryGetProperty("en", out _));
        var reports = result.GetProperty("reportDirectory").GetString()!;
        Assert.StartsWith(Path.GetFullPath(Rag.StorePath), reports, StringComparison.Ordinal);
        Assert.All(["run.json", "report.md", "report.html"], file => Assert.True(File.Exists(Path.Combine(reports, file)), file));
    }

    [Fact]
    public async Task A_dataset_that_cannot_be_read_fails_the_run_with_the_reason()
    {
        using var started = await Rag.Http.PostAsync("api/eval/runs", HttpHelpers.Json("""{"dataset":"broken.jsonl"}"""));
        var id = (await started.ReadJsonAsync()).GetProperty("id").GetString()!;

        var finished = await WaitForEndAsync(id);

        Assert.Equal("failed", finished.GetProperty("status").GetString());
        Assert.StartsWith("broken.jsonl line 1", finished.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, finished.GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData("""{"dataset":"../../etc/passwd"}""", "inside the datasets folder")]
    [InlineData("""{"dataset":"/etc/passwd"}""", "inside the datasets folder")]
    [InlineData("""{"dataset":"missing.jsonl"}""", "available: broken.jsonl, qa.jsonl")]
    public async Task Datasets_outside_the_folder_or_missing_are_refused(string body, string message)
    {
        using var response = await Rag.Http.PostAsync("api/eval/runs", HttpHelpers.Json(body));

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal("dataset", problem.GetProperty("param").GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_runs_are_404_and_bad_settings_400()
    {
        using var unknown = await Rag.Http.GetAsync("api/eval/runs/000000000000");
        using var badTopK = await Rag.Http.PostAsync("api/eval/runs", HttpHelpers.Json("""{"topK":0}"""));

        await unknown.AssertProblemAsync(404, "evaluation_run_not_found");
        Assert.Equal("topK", (await badTopK.AssertProblemAsync(400)).GetProperty("param").GetString());
    }

    private async Task<JsonElement> WaitForEndAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Rag.Http.GetAsync($"api/eval/runs/{id}");
            var status = await response.ReadJsonAsync();
            if (status.GetProperty("status").GetString() is not ("queued" or "running"))
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Evaluation run {id} did not finish within 60 s.");
    }
}
