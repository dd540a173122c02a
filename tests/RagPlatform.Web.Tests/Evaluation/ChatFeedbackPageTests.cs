using RagPlatform.Evaluation.Human;
using RagPlatform.Web.Components.Pages;
using RagPlatform.Web.Data;
using RagPlatform.Web.Evaluation;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Evaluation;

public sealed class ChatFeedbackPageTests : IAsyncDisposable
{
    private readonly WebTestContext _web = new();

    [Fact]
    public async Task Ratings_from_the_chat_are_summarised_grouped_and_listed_with_links_back()
    {
        var tutor = await ConversationAsync("Tutor chat", new ConversationSettings(null, new Dictionary<string, string> { ["persona"] = "tutor" }), "What is LoRA?", "LoRA trains two small matrices.");
        var plain = await ConversationAsync("Plain chat", ConversationSettings.Default, "What is BPE?", "BPE merges frequent pairs.");
        await RateAsync(tutor, "ana", 5, false, "");
        await RateAsync(tutor, "budi", 3, true, "The second claim is <b>unsupported</b>.");
        await RateAsync(plain, "ana", 4, false, "");

        var cut = _web.Bunit.Render<ChatFeedback>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".figures dd")));
        Assert.Equal(["3", "2", "2", "4.00 / 5", "66.7 %", "33.3 %"], cut.FindAll(".figures dd").Select(dd => dd.TextContent));
        Assert.StartsWith("data:image/svg+xml;base64,", cut.Find("img.chart").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("3 of 5: 1 (1 with hallucination)", cut.Find("img.chart").GetAttribute("alt"), StringComparison.Ordinal);
        var personaRows = cut.FindAll("section[aria-label='By persona'] tbody tr").Select(row => row.TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        Assert.Equal([["research-assistant", "1", "4.00 / 5", "100.0 %", "0.0 %"], ["tutor", "2", "4.00 / 5", "50.0 %", "50.0 %"]], personaRows);
        Assert.Contains("ana vs budi", cut.Find("[aria-labelledby=feedback-agreement-title]").TextContent, StringComparison.Ordinal);

        var answers = cut.FindAll(".rated-answers li");
        Assert.Equal(3, answers.Count);
        var flagged = Assert.Single(cut.FindAll(".rated-answers li.flagged"));
        Assert.Equal("Comment: The second claim is <b>unsupported</b>.", flagged.QuerySelector(".rated-comment")!.TextContent);
        Assert.Equal($"http://localhost/chat/{tutor:D}", flagged.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("LoRA trains two small matrices.", flagged.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["evaluation/chat-ratings/report.md", "evaluation/chat-ratings/report.html", "evaluation/chat-ratings/report.json"],
            cut.FindAll(".downloads a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Answers_saved_before_settings_were_recorded_are_labelled_as_such()
    {
        var conversation = await ConversationAsync("Old", ConversationSettings.Default, "What is BPE?", "BPE merges pairs.", recordSettings: false);
        await RateAsync(conversation, "ana", 2, true, "Wrong");

        var report = await _web.Get<ChatFeedbackReports>().CreateAsync(new Uri("http://127.0.0.1:5080/"), CancellationToken.None);

        var answer = Assert.Single(report.Answers);
        Assert.Equal(ChatFeedbackReports.NotRecorded, answer.Labels["persona"]);
        Assert.Equal(ChatFeedbackReports.NotRecorded, answer.Labels["tone"]);
        Assert.Equal(new Uri($"http://127.0.0.1:5080/chat/{conversation:D}"), answer.Link);
        Assert.Equal("Old", answer.Source);
    }

    [Fact]
    public void Without_ratings_the_page_says_how_to_rate()
    {
        var cut = _web.Bunit.Render<ChatFeedback>();

        cut.WaitForAssertion(() => Assert.Contains("No chat answer has been rated yet", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".downloads"));
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private async Task<Guid> ConversationAsync(string title, ConversationSettings settings, string question, string answer, bool recordSettings = true)
    {
        var store = _web.Get<ConversationStore>();
        var conversation = await store.CreateAsync(title, settings, CancellationToken.None);
        await store.AppendExchangeAsync(
            conversation.Id,
            new ChatExchange(question, answer, null, ExchangeStatus.Completed, null, DateTimeOffset.UnixEpoch, recordSettings ? settings : null),
            CancellationToken.None);
        return conversation.Id;
    }

    private Task RateAsync(Guid conversation, string rater, int correctness, bool hallucination, string comment) =>
        _web.Get<ChatRatingStore>().SaveAsync(conversation, 0, new HumanRating(ChatRatingStore.QuestionId(conversation, 0), rater, correctness, hallucination, comment), CancellationToken.None);
}
