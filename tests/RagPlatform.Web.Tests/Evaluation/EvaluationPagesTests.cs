using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Storage;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Web.Components.Pages;
using RagPlatform.Web.Evaluation;
using RagPlatform.Web.Tests.Support;
using EvaluationPage = RagPlatform.Web.Components.Pages.Evaluation;

namespace RagPlatform.Web.Tests.Evaluation;

public sealed class EvaluationPagesTests : IAsyncDisposable
{
    private readonly WebTestContext _web = new();

    [Fact]
    public async Task A_run_started_on_the_page_reports_progress_and_is_listed_when_done()
    {
        await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), "/corpus/attention.md");
        SmallDataset.WriteTo(_web.StorePath);
        var cut = _web.Bunit.Render<EvaluationPage>();

        Assert.StartsWith("qa.jsonl (", cut.Find("#eval-dataset option[selected]").TextContent, StringComparison.Ordinal);
        cut.Find("#eval-dataset").Change("store/small.jsonl");
        cut.Find("#eval-description").Change("page test");
        cut.Find("form.toolbar").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Run finished.", cut.Find(".notice[role=status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var row = cut.Find("table.data tbody tr");
        Assert.Contains("small", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("page test", row.TextContent, StringComparison.Ordinal);
        Assert.Single(await _web.Get<EvaluationRunStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_run_page_frames_the_report_and_saves_ratings_into_the_run()
    {
        var run = await SaveRunAsync("baseline");
        var cut = _web.Bunit.Render<EvaluationRunPage>(parameters => parameters.Add(p => p.Id, run.RunId));

        cut.WaitForAssertion(() => Assert.Equal($"evaluation/runs/{run.RunId}/report.html?v=0", cut.Find("iframe").GetAttribute("src")));
        Assert.True(cut.Find("iframe").HasAttribute("sandbox"));
        Assert.Equal(3, cut.FindAll(".drilldown > li").Count);

        cut.Find("#rating-s1-rater").Change("ana");
        cut.Find("#rating-s1-correctness").Change("2");
        cut.Find("#rating-s1-hallucination-yes").Change(true);
        cut.Find("#rating-s1-comment").Change("Cites the wrong passage");
        cut.Find(".drilldown > li form").Submit();

        cut.WaitForAssertion(() => Assert.Equal($"evaluation/runs/{run.RunId}/report.html?v=1", cut.Find("iframe").GetAttribute("src")));
        var rating = Assert.Single((await _web.Get<EvaluationRunStore>().FindAsync(run.RunId, CancellationToken.None))!.HumanRatings);
        Assert.Equal(new RagPlatform.Evaluation.Human.HumanRating("s1", "ana", 2, true, "Cites the wrong passage"), rating);
        Assert.Equal("Rated 2/5, hallucination by ana", cut.Find(".drilldown > li .rating summary").TextContent);
    }

    [Fact]
    public async Task An_unknown_run_says_so()
    {
        var cut = _web.Bunit.Render<EvaluationRunPage>(parameters => parameters.Add(p => p.Id, "../../etc"));

        cut.WaitForAssertion(() => Assert.Contains("There is no evaluation run", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_runs_are_compared_metric_by_metric()
    {
        var baseline = await SaveRunAsync("top-k 5");
        var candidate = await SaveRunAsync("top-k 1", topK: 1);

        var cut = _web.Bunit.Render<EvaluationCompare>(parameters => parameters
            .Add(p => p.Baseline, baseline.RunId)
            .Add(p => p.Candidate, candidate.RunId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("table.data tbody tr")));
        Assert.Contains(cut.FindAll("p"), p => p.TextContent.Contains("(“top-k 5”)", StringComparison.Ordinal));
        Assert.Contains(cut.FindAll("table.data tbody th"), th => th.TextContent == "f1");
        Assert.True(cut.FindAll("#compare-group option").Count > 1);
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private async Task<EvaluationRun> SaveRunAsync(string description, int topK = 5)
    {
        if ((await _web.Get<IChunkStore>().ListDocumentsAsync()).Count == 0)
        {
            await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), "/corpus/attention.md");
        }

        var dataset = await QaDataset.LoadAsync(SmallDataset.WriteTo(_web.StorePath));
        var run = await _web.Get<EvaluationRunner>().RunAsync(
            _web.Get<IQuestionAnswerer>(), dataset, new EvaluationOptions { Description = description, TopK = topK });
        await _web.Get<EvaluationRunStore>().SaveAsync(run, CancellationToken.None);
        return run;
    }
}
