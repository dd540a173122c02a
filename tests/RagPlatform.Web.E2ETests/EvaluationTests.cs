using Microsoft.Playwright;
using RagPlatform.Web.E2ETests.Support;

namespace RagPlatform.Web.E2ETests;

[Collection(WebAppCollection.Name)]
public sealed class EvaluationTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_run_is_started_from_the_page_and_its_report_opened_rated_and_compared()
    {
        App.AddDataset("smoke.jsonl", questionCount: 4);
        await OpenAsync("/evaluation");

        await StartRunAsync("smoke baseline", topK: 5);
        await StartRunAsync("smoke top-1", topK: 1);
        await ScreenshotAsync("evaluation");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Compare runs" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Compare runs");
        await Assertions.Expect(Page.Locator("table.data tbody tr").First).ToBeVisibleAsync();
        await ScreenshotAsync("evaluation-compare");

        await OpenAsync("/evaluation");
        await Page.Locator("table.data tbody th a").First.ClickAsync();
        var report = Page.FrameLocator("iframe.report-frame");
        await Assertions.Expect(report.Locator("h1")).ToContainTextAsync("smoke");
        await report.Locator("h1").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("evaluation-report", fullPage: false);

        var first = Page.Locator(".drilldown > li").First;
        await first.Locator("summary").First.ClickAsync();
        await first.Locator(".rating summary").ClickAsync();
        await first.GetByLabel("Your name").FillAsync("ana");
        await first.GetByLabel("Correctness").SelectOptionAsync("3");
        await first.GetByLabel("Yes").CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).ClickAsync();

        await Assertions.Expect(first.Locator(".rating summary")).ToHaveTextAsync("Rated 3/5, hallucination by ana");
        await Assertions.Expect(report.GetByText("Human ratings").First).ToBeVisibleAsync();
    }

    private async Task StartRunAsync(string description, int topK)
    {
        await Page.GetByLabel("Dataset").SelectOptionAsync(new SelectOptionValue { Label = "smoke.jsonl (store)" });
        await Page.GetByLabel("Passages per question").FillAsync(topK.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel("Description (optional)").FillAsync(description);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Run evaluation" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".notice[role=status]")).ToContainTextAsync("Run finished.");
        await Assertions.Expect(Page.Locator("table.data tbody", new() { HasText = description })).ToBeVisibleAsync();
    }
}
