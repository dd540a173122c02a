using RagPlatform.Core.Storage;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Web.Evaluation;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Evaluation;

public sealed class EvaluationRunStoreTests : IAsyncDisposable
{
    private readonly WebTestContext _web = new();

    private EvaluationRunStore Runs => _web.Get<EvaluationRunStore>();

    [Theory]
    [InlineData("20261123-101500-abc123", true)]
    [InlineData("run_1.b", true)]
    [InlineData("..", false)]
    [InlineData("../etc", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData(".hidden", false)]
    [InlineData("", false)]
    [InlineData("run id", false)]
    public void Only_plain_names_are_run_ids(string runId, bool valid)
    {
        Assert.Equal(valid, EvaluationRunStore.IsValidRunId(runId));
        Assert.Equal(valid, Runs.RunFile(runId, "report.html") is not null);
    }

    [Fact]
    public async Task Saved_runs_are_listed_with_their_headline_metrics()
    {
        var run = await RunSmallDatasetAsync();

        await Runs.SaveAsync(run, CancellationToken.None);

        var summary = Assert.Single(await Runs.ListAsync(CancellationToken.None));
        Assert.Equal(run.RunId, summary.RunId);
        Assert.Equal("small", summary.DatasetName);
        Assert.Equal(3, summary.QuestionCount);
        Assert.Equal(0, summary.ErrorCount);
        Assert.NotNull(summary.F1);
        Assert.True(File.Exists(Runs.RunFile(run.RunId, "report.html")));
        Assert.True(File.Exists(Runs.RunFile(run.RunId, "report.md")));
    }

    [Fact]
    public async Task A_rating_is_stored_in_the_run_and_shown_by_its_report()
    {
        var run = await RunSmallDatasetAsync();
        await Runs.SaveAsync(run, CancellationToken.None);

        await Runs.RateAsync(run.RunId, new HumanRating("s1", "ana", 2, true, "Quotes the wrong sentence"), CancellationToken.None);
        await Runs.RateAsync(run.RunId, new HumanRating("s1", "ana", 4, false, "Fine after all"), CancellationToken.None);

        var reloaded = await Runs.FindAsync(run.RunId, CancellationToken.None);
        Assert.Equal(new HumanRating("s1", "ana", 4, false, "Fine after all"), Assert.Single(reloaded!.HumanRatings));
        var report = await File.ReadAllTextAsync(Runs.RunFile(run.RunId, "report.html")!);
        Assert.Contains("Human ratings", report, StringComparison.Ordinal);
        Assert.Contains("Fine after all", report, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(await Runs.ListAsync(CancellationToken.None)).RatingCount);
    }

    [Fact]
    public async Task Runs_written_by_the_http_api_under_a_job_id_are_addressed_by_their_folder()
    {
        var run = await RunSmallDatasetAsync();
        await _web.Get<EvaluationReportWriter>().WriteAsync(run, Path.Combine(Runs.Directory, "a1b2c3d4e5f6"));

        var summary = Assert.Single(await Runs.ListAsync(CancellationToken.None));
        await Runs.RateAsync("a1b2c3d4e5f6", new HumanRating("s2", "budi", 5, false, ""), CancellationToken.None);

        Assert.Equal(("a1b2c3d4e5f6", run.RunId), (summary.Id, summary.RunId));
        Assert.Single((await Runs.FindAsync("a1b2c3d4e5f6", CancellationToken.None))!.HumanRatings);
        Assert.Null(await Runs.FindAsync(run.RunId, CancellationToken.None));
    }

    [Fact]
    public async Task Ratings_of_unknown_runs_or_questions_are_refused()
    {
        var run = await RunSmallDatasetAsync();
        await Runs.SaveAsync(run, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Runs.RateAsync("missing", new HumanRating("s1", "ana", 3, false, ""), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Runs.RateAsync(run.RunId, new HumanRating("zz", "ana", 3, false, ""), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Runs.RateAsync(run.RunId, new HumanRating("s1", "ana", 0, false, ""), CancellationToken.None));
    }

    [Fact]
    public async Task Datasets_are_offered_by_key_and_nothing_else_resolves()
    {
        SmallDataset.WriteTo(_web.StorePath);
        var datasets = _web.Get<EvaluationDatasets>();

        var small = Assert.Single(datasets.Find(), d => d.Location == "store");
        Assert.Equal("store/small.jsonl", small.Key);
        Assert.Equal(small, datasets.Resolve("store/small.jsonl"));
        Assert.Null(datasets.Resolve(small.FullPath));
        Assert.Null(datasets.Resolve("store/../../etc/passwd"));
        Assert.Contains(datasets.Find(), d => d.FileName == "qa.jsonl");
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private async Task<EvaluationRun> RunSmallDatasetAsync()
    {
        await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), "/corpus/attention.md");
        var dataset = await RagPlatform.Evaluation.Datasets.QaDataset.LoadAsync(SmallDataset.WriteTo(_web.StorePath));
        return await _web.Get<EvaluationRunner>().RunAsync(_web.Get<RagPlatform.Core.Answers.IQuestionAnswerer>(), dataset, new EvaluationOptions());
    }
}
