using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RagPlatform.Web.E2ETests.Support;

namespace RagPlatform.Web.E2ETests;

[Collection(WebAppCollection.Name)]
public sealed partial class ChatTests(WebAppFixture app) : BrowserTest(app)
{
    private const string Question = "How many entries does the GPT-2 vocabulary have?";

    [Fact]
    public async Task A_question_gets_a_streamed_answer_with_citations()
    {
        await OpenAsync("/");

        await AskAsync(Question);

        // Part of the answer is on screen while the region is still marked busy: it streams.
        await Assertions.Expect(Page.Locator(".turn .answer[aria-busy='true'] .markdown")).Not.ToBeEmptyAsync();
        var answer = await LastFinishedAnswerAsync();
        await Assertions.Expect(answer).ToContainTextAsync("50,257");
        await Assertions.Expect(answer.Locator("button.citation-chip").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".sources")).ToContainTextAsync("tokenization", new() { IgnoreCase = true });
        await Assertions.Expect(Page.Locator("button.follow-up").First).ToBeVisibleAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(ConversationAddress());
        await ScreenshotAsync("chat");
    }

    [Fact]
    public async Task A_citation_opens_its_passage_with_the_quote_highlighted()
    {
        await OpenAsync("/");
        await AskAsync(Question);
        var answer = await LastFinishedAnswerAsync();

        await answer.Locator("button.citation-chip").First.ClickAsync();

        var panel = Page.Locator(".passage-panel");
        await Assertions.Expect(panel).ToBeFocusedAsync();
        await Assertions.Expect(panel.Locator(".file-label")).ToHaveTextAsync("tokenization.md");

        // Extractive answers quote their sources, so the highlighted quote is a sentence of the answer, shown in context.
        var quote = await panel.Locator("mark").InnerTextAsync();
        Assert.True(quote.Length > 20, $"The highlighted quote is too short: '{quote}'.");
        Assert.Contains(quote[..20], await answer.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True((await panel.Locator(".passage-text").InnerTextAsync()).Length > quote.Length);
        await ScreenshotAsync("citation");

        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Stop_ends_a_streaming_answer_and_shift_enter_adds_a_line()
    {
        await OpenAsync("/");
        var box = Page.Locator("#question");
        await box.FillAsync("Apa itu LoRA?");
        await box.PressAsync("Shift+Enter");
        await box.PressSequentiallyAsync("Answer briefly.");
        Assert.Equal("Apa itu LoRA?\nAnswer briefly.", await box.InputValueAsync());
        await Assertions.Expect(Page.Locator(".turn")).ToHaveCountAsync(0);

        using var slow = App.SlowStreaming(TimeSpan.FromMilliseconds(400));
        await box.PressAsync("Enter");
        var answer = Page.Locator(".turn .answer").Last;
        await Assertions.Expect(answer.Locator(".markdown")).Not.ToBeEmptyAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();

        await Assertions.Expect(answer.Locator(".turn-status")).ToHaveTextAsync("Stopped before the answer was complete.");
        await Assertions.Expect(answer).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        await Assertions.Expect(answer.Locator("button.citation-chip")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_conversation_is_found_again_after_a_reload()
    {
        await OpenAsync("/");
        await AskAsync("Bagaimana cara kerja kuantisasi?");
        await LastFinishedAnswerAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(ConversationAddress());
        var address = Page.Url;

        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator(".question")).ToContainTextAsync("Bagaimana cara kerja kuantisasi?");
        await OpenAsync("/");
        await Page.Locator(".conversations a", new() { HasText = "Bagaimana cara kerja kuantisasi?" }).First.ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(address);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Bagaimana cara kerja kuantisasi?");
        await Assertions.Expect(Page.Locator(".turn")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_rating_given_in_the_chat_appears_in_the_chat_feedback_report()
    {
        await OpenAsync("/");
        await AskAsync(Question);
        await LastFinishedAnswerAsync();
        var turn = Page.Locator(".turn").Last;
        await turn.Locator(".rating summary").ClickAsync();
        await turn.GetByLabel("Your name").FillAsync("rina");
        await turn.GetByLabel("Correctness").SelectOptionAsync("4");
        await turn.GetByLabel("Comment (optional)").FillAsync("Clear, and the citation is right");
        await turn.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).ClickAsync();
        await Assertions.Expect(turn.Locator(".rating summary")).ToHaveTextAsync("Rated 4/5 by rina");
        var conversation = Page.Url;

        await OpenAsync("/evaluation");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open the chat feedback report" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Chat feedback");
        var rated = Page.Locator(".rated-answers li", new() { HasText = "Clear, and the citation is right" });
        await Assertions.Expect(rated).ToContainTextAsync("4/5 by rina");
        await Assertions.Expect(Page.Locator("img.chart")).ToBeVisibleAsync();
        await ScreenshotAsync("chat-feedback");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Markdown" }).ClickAsync());
        Assert.Equal("chat-feedback.md", download.SuggestedFilename);
        Assert.Contains("Clear, and the citation is right", await File.ReadAllTextAsync(await download.PathAsync()), StringComparison.Ordinal);

        await rated.Locator("a").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(conversation);
        await Assertions.Expect(Page.Locator(".question").First).ToContainTextAsync(Question);
    }

    [Fact]
    public async Task The_chat_fits_a_phone_screen()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await OpenAsync("/");
        await AskAsync(Question);
        await LastFinishedAnswerAsync();

        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone screen.");
        await ScreenshotAsync("chat-phone", fullPage: false);
    }

    [GeneratedRegex("/chat/[0-9a-f-]{36}$")]
    private static partial Regex ConversationAddress();
}
