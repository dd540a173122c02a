using System.Text;
using Microsoft.Playwright;
using RagPlatform.Web.E2ETests.Support;

namespace RagPlatform.Web.E2ETests;

[Collection(WebAppCollection.Name)]
public sealed class DocumentsTests(WebAppFixture app) : BrowserTest(app)
{
    private const string Handout = """
        # Zorblax reactor

        ## Fuel

        The Zorblax reactor runs on purple quartz crystals harvested in the Kepler valley.
        """;

    [Fact]
    public async Task An_uploaded_document_is_indexed_and_answers_questions()
    {
        await OpenAsync("/documents");
        await Assertions.Expect(Page.Locator("table.documents")).ToContainTextAsync("tokenization.md");

        await Page.Locator("#upload-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "zorblax-reactor.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(Handout) },
            new FilePayload { Name = "installer.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A] },
        });

        await Assertions.Expect(Page.Locator(".upload-item.indexed")).ToContainTextAsync("zorblax-reactor.md");
        await Assertions.Expect(Page.Locator(".upload-item.rejected")).ToContainTextAsync("is a .exe file");
        await Assertions.Expect(Page.Locator("table.documents tbody th", new() { HasText = "zorblax-reactor.md" })).ToBeVisibleAsync();
        await ScreenshotAsync("documents");

        await OpenAsync("/");
        await AskAsync("What does the Zorblax reactor run on?");
        var answer = await LastFinishedAnswerAsync();
        await Assertions.Expect(answer).ToContainTextAsync("purple quartz crystals");
        await answer.Locator("button.citation-chip").First.ClickAsync();
        await Assertions.Expect(Page.Locator(".passage-panel .file-label")).ToHaveTextAsync("zorblax-reactor.md");
    }

    [Fact]
    public async Task A_document_can_be_reindexed_and_deleted()
    {
        await OpenAsync("/documents");
        await Page.Locator("#upload-files").SetInputFilesAsync(new FilePayload
        {
            Name = "temporary-note.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("A temporary note about glass harmonicas and their tuning."),
        });
        var row = Page.Locator("table.documents tbody tr", new() { Has = Page.Locator("th", new() { HasText = "temporary-note.txt" }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { Name = "Re-index temporary-note.txt" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[role=status]", new() { HasText = "Re-indexed temporary-note.txt" })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete temporary-note.txt" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("[role=status]", new() { HasText = "Deleted temporary-note.txt." })).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }
}
