using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Web.Chat;
using RagPlatform.Web.Components.Chat;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Chat;

public sealed class ChatTurnViewTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    [Theory]
    [InlineData("en", "The documents do not contain an answer to this question.", "Not found in the documents")]
    [InlineData("id", "Dokumen tidak memuat jawaban untuk pertanyaan ini.", "Tidak ditemukan dalam dokumen")]
    public void Abstained_answers_are_styled_as_not_found(string language, string text, string label)
    {
        var cut = Render(Completed(TestAnswers.Abstention(text, language)));

        var answer = cut.Find(".answer");
        Assert.Contains("abstained", answer.ClassList);
        Assert.Contains(label, cut.Find(".abstained-label").TextContent, StringComparison.Ordinal);
        Assert.Contains(text, answer.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".follow-up"));
    }

    [Fact]
    public void Grounded_answers_are_not_styled_as_not_found()
    {
        var chunk = TestAnswers.Chunk("a", "Attention");
        var cut = Render(Completed(TestAnswers.Answer("Tokens attend to each other [1].", [TestAnswers.Cite(chunk, 1)])));

        Assert.DoesNotContain("abstained", cut.Find(".answer").ClassList);
        Assert.Empty(cut.FindAll(".abstained-label"));
    }

    [Fact]
    public void Streaming_answer_is_a_busy_live_region_until_complete()
    {
        var turn = new ChatTurn("What is attention?", DateTimeOffset.UnixEpoch);
        var cut = Render(turn);
        Assert.Equal("Searching the documents…", cut.Find(".thinking").TextContent);

        turn.Append("Tokens **attend**");
        cut.Render();

        var answer = cut.Find(".answer");
        Assert.Equal("polite", answer.GetAttribute("aria-live"));
        Assert.Equal("true", answer.GetAttribute("aria-busy"));
        Assert.Equal("attend", cut.Find("strong").TextContent);
    }

    [Fact]
    public void Citation_chips_and_source_list_report_the_citation()
    {
        var citation = TestAnswers.Cite(TestAnswers.Chunk("a", "Model > Attention", page: 3), 1);
        var selected = new List<Citation>();
        var cut = Render(Completed(TestAnswers.Answer("Tokens attend [1].", [citation])), onCitation: selected.Add);

        cut.Find(".markdown button.citation-chip").Click();
        cut.Find(".sources button").Click();

        Assert.Equal([citation, citation], selected);
        Assert.Contains("Title of a — Model > Attention, page 3", cut.Find(".sources").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggested_follow_ups_are_buttons_that_ask_them()
    {
        var turn = Completed(TestAnswers.Answer("Tokens attend [1].", [TestAnswers.Cite(TestAnswers.Chunk("a", "Attention"), 1)]));
        var asked = new List<string>();
        var cut = Render(turn, onFollowUp: asked.Add);
        Assert.Empty(cut.FindAll("button.follow-up"));

        turn.SuggestFollowUps(["How are attention weights computed?", "Where is attention used?"]);
        cut.Render();
        var buttons = cut.FindAll("button.follow-up");
        buttons[1].Click();

        Assert.Equal(["How are attention weights computed?", "Where is attention used?"], buttons.Select(b => b.TextContent));
        Assert.Equal(["Where is attention used?"], asked);
    }

    [Fact]
    public void Retrieval_details_list_every_context_passage_with_its_score()
    {
        var context = new[]
        {
            new ScoredChunk(TestAnswers.Chunk("a", "Attention"), 0.91234),
            new ScoredChunk(TestAnswers.Chunk("b", "Encoding", "Short text."), 0.5),
        };
        var cut = Render(Completed(TestAnswers.Answer("Tokens attend [1].", [TestAnswers.Cite(context[0].Chunk, 1)], context: context)));

        Assert.Equal("Retrieval details (2 passages)", cut.Find(".retrieval-details summary").TextContent);
        Assert.Equal(["score 0.912", "score 0.500"], cut.FindAll(".score").Select(s => s.TextContent));
        Assert.Equal("Short text.", cut.FindAll(".context-text")[1].TextContent);
    }

    [Fact]
    public void Stopped_and_failed_turns_say_so()
    {
        var stopped = new ChatTurn("q", DateTimeOffset.UnixEpoch);
        stopped.Append("Partial");
        stopped.Stop();
        var failed = new ChatTurn("q", DateTimeOffset.UnixEpoch);
        failed.Fail("The question is empty.");

        Assert.Contains("Stopped", Render(stopped).Find(".turn-status").TextContent, StringComparison.Ordinal);
        var failedView = Render(failed);
        Assert.Equal("The question is empty.", failedView.Find(".turn-status.error").TextContent);
        Assert.Equal("alert", failedView.Find(".turn-status.error").GetAttribute("role"));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static ChatTurn Completed(GroundedAnswer answer)
    {
        var turn = new ChatTurn(answer.Question, DateTimeOffset.UnixEpoch);
        turn.Complete(answer);
        return turn;
    }

    private IRenderedComponent<ChatTurnView> Render(ChatTurn turn, Action<Citation>? onCitation = null, Action<string>? onFollowUp = null) =>
        _context.Render<ChatTurnView>(parameters => parameters
            .Add(p => p.Turn, turn)
            .Add(p => p.OnCitationSelected, onCitation ?? (_ => { }))
            .Add(p => p.OnFollowUp, onFollowUp ?? (_ => { })));
}
