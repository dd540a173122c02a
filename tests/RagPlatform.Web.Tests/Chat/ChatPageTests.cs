using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using ChatPage = RagPlatform.Web.Components.Pages.Chat;
using RagPlatform.Evaluation.Human;
using RagPlatform.Rag.FollowUps;
using RagPlatform.Web.Data;
using RagPlatform.Web.Evaluation;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Chat;

public sealed class ChatPageTests : IAsyncDisposable
{
    private readonly WebTestContext _web = new();
    private Chunk _chunk = default!;

    [Fact]
    public async Task A_question_streams_a_cited_answer_and_starts_a_saved_conversation()
    {
        var answerer = await UseCitingAnswererAsync();
        var cut = RenderReady();

        Ask(cut, "What is self-attention?");

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".answer").GetAttribute("aria-busy")));
        Assert.Equal("What is self-attention?", cut.Find(".question").TextContent.Replace("You asked:", "").Trim());
        Assert.Single(cut.FindAll(".markdown button.citation-chip"));
        var saved = Assert.Single(await Conversations.ListAsync(CancellationToken.None));
        Assert.Equal("What is self-attention?", saved.Title);
        Assert.EndsWith($"chat/{saved.Id}", _web.Bunit.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal(ExchangeStatus.Completed, (await Conversations.GetAsync(saved.Id, CancellationToken.None))!.Exchanges.Single().Status);
        Assert.Equal("What is self-attention?", cut.Find(".conversations li.current a").TextContent);
        Assert.Single(answerer.Requests);
    }

    [Fact]
    public async Task Selecting_a_citation_opens_the_passage_with_the_quote_highlighted()
    {
        await UseCitingAnswererAsync();
        var cut = RenderReady();
        Ask(cut, "What is self-attention?");
        cut.WaitForElement(".markdown button.citation-chip").Click();

        cut.WaitForAssertion(() => Assert.Equal(TestAnswers.Quote, cut.Find(".passage-panel mark").TextContent));
        Assert.Contains("Transformers replaced recurrence.", cut.Find(".passage-text").TextContent, StringComparison.Ordinal);

        cut.Find("button[aria-label='Close source']").Click();
        Assert.Empty(cut.FindAll(".passage-panel"));
    }

    [Fact]
    public async Task Later_questions_carry_the_history_and_the_conversation_settings()
    {
        var answerer = await UseCitingAnswererAsync();
        var cut = RenderReady();
        cut.Find("#top-k").Change("3");
        cut.Find("#prompt-persona").Change("tutor");

        Ask(cut, "What is self-attention?");
        cut.WaitForAssertion(() => Assert.Single(answerer.Requests));
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".answer").GetAttribute("aria-busy")));
        cut.WaitForElement("button.follow-up").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, answerer.Requests.Count));

        var second = answerer.Requests[1];
        Assert.Equal("Tell me more about Attention", second.Question);
        var turn = Assert.Single(second.History!);
        Assert.Equal("What is self-attention?", turn.Question);
        Assert.Equal(3, second.TopK);
        Assert.Equal("tutor", second.PromptComponents!["persona"]);
        var saved = (await Conversations.GetAsync((await Conversations.ListAsync(CancellationToken.None)).Single().Id, CancellationToken.None))!;
        Assert.Equal(3, saved.Settings.TopK);
        Assert.Equal("tutor", saved.Settings.PromptComponents["persona"]);
    }

    [Fact]
    public async Task Follow_ups_come_from_the_suggester_once_the_answer_has_finished()
    {
        var suggester = new PendingSuggester();
        _web.Bunit.Services.Replace(ServiceDescriptor.Singleton<IFollowUpQuestionSuggester>(suggester));
        await UseCitingAnswererAsync();
        var cut = RenderReady();

        Ask(cut, "What is self-attention?");
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".answer").GetAttribute("aria-busy")));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".rating")));
        Assert.Empty(cut.FindAll("button.follow-up"));
        suggester.Reply(["How are the weights computed?", "Where is self-attention used?"]);

        cut.WaitForAssertion(() => Assert.Equal(
            ["How are the weights computed?", "Where is self-attention used?"],
            cut.FindAll("button.follow-up").Select(b => b.TextContent)));
        Assert.Equal("What is self-attention?", Assert.Single(suggester.Answers).Question);
    }

    [Fact]
    public async Task Without_an_embedding_model_the_hybrid_slider_is_disabled_and_says_why()
    {
        await UseCitingAnswererAsync();
        var cut = RenderReady();

        Assert.True(cut.Find("#hybrid-weight").HasAttribute("disabled"));
        Assert.Contains("needs an embedding model", cut.Find("#hybrid-weight-hint").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hybrid_weight_is_asked_with_saved_per_conversation_and_restored_on_resume()
    {
        _web.Bunit.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FixedEmbeddingGenerator());
        var answerer = await UseCitingAnswererAsync();
        await _web.Get<IChunkStore>().SetEmbeddingSignatureAsync(new EmbeddingSignature("fixed", FixedEmbeddingGenerator.Dimensions));
        var cut = RenderReady();
        Assert.False(cut.Find("#hybrid-weight").HasAttribute("disabled"));
        Assert.Equal("0.5", cut.Find("#hybrid-weight").GetAttribute("value"));

        cut.Find("#hybrid-weight").Change("0.8");
        Ask(cut, "What is self-attention?");
        cut.WaitForAssertion(() => Assert.Single(answerer.Requests));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".rating")));

        Assert.Equal(FusionWeights.FromDenseShare(0.8), answerer.Requests[0].Weights);
        var first = Assert.Single(await Conversations.ListAsync(CancellationToken.None)).Id;
        var saved = (await Conversations.GetAsync(first, CancellationToken.None))!;
        Assert.Equal(0.8, saved.Settings.HybridWeight);
        Assert.Equal(0.8, saved.Exchanges.Single().Settings!.HybridWeight);
        Assert.Equal("0.5", RenderReady().Find("#hybrid-weight").GetAttribute("value"));
        var resumed = RenderReady(first);
        resumed.WaitForAssertion(() => Assert.Equal("0.8", resumed.Find("#hybrid-weight").GetAttribute("value")));
        Assert.StartsWith("20 % keyword, 80 % semantic", resumed.Find("#hybrid-weight-hint").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_cancels_the_answer_and_keeps_what_arrived()
    {
        _web.UseAnswerer(new ScriptedAnswerer(request => TestAnswers.Answer("Partial words that never finish", [])) { HoldAfterFirstDelta = true });
        await StoreDocumentAsync();
        var cut = RenderReady();

        Ask(cut, "Tell me everything");
        cut.WaitForAssertion(() => Assert.Contains("Partial", cut.Find(".answer .markdown").TextContent, StringComparison.Ordinal));
        cut.Find(".composer button.danger").Click();

        cut.WaitForAssertion(() => Assert.Contains("Stopped before the answer was complete.", cut.Find(".turn-status").TextContent, StringComparison.Ordinal));
        Assert.Equal("Send", cut.Find(".composer button[type=submit]").TextContent);
        var exchange = (await Conversations.GetAsync((await Conversations.ListAsync(CancellationToken.None)).Single().Id, CancellationToken.None))!.Exchanges.Single();
        Assert.Equal(ExchangeStatus.Stopped, exchange.Status);
        Assert.Equal("Partial", exchange.AnswerText);
    }

    [Fact]
    public async Task A_saved_conversation_is_resumed_from_its_address()
    {
        await StoreDocumentAsync();
        var answer = TestAnswers.Answer("Tokens attend [1].", [TestAnswers.CiteQuote(_chunk)]);
        var created = await Conversations.CreateAsync("Earlier chat", ConversationSettings.Default, CancellationToken.None);
        await Conversations.AppendExchangeAsync(created.Id, new ChatExchange("Earlier question", answer.Text, answer, ExchangeStatus.Completed, null, DateTimeOffset.UnixEpoch), CancellationToken.None);

        var cut = RenderReady(created.Id);

        cut.WaitForAssertion(() => Assert.Equal("Earlier chat", cut.Find("h1").TextContent));
        Assert.Contains("Earlier question", cut.Find(".question").TextContent, StringComparison.Ordinal);
        cut.Find(".markdown button.citation-chip").Click();
        cut.WaitForAssertion(() => Assert.Equal(TestAnswers.Quote, cut.Find(".passage-panel mark").TextContent));
    }

    [Fact]
    public async Task Conversations_can_be_renamed_and_deleted_from_the_sidebar()
    {
        var keep = await Conversations.CreateAsync("Keep me", ConversationSettings.Default, CancellationToken.None);
        await Conversations.CreateAsync("Remove me", ConversationSettings.Default, CancellationToken.None);
        var cut = RenderReady();

        cut.Find("button[aria-label='Rename “Keep me”']").Click();
        cut.Find(".rename input").Change("Renamed");
        cut.Find(".rename").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Renamed", cut.FindAll(".conversations li a").Select(a => a.TextContent)));
        cut.Find("button[aria-label='Delete “Remove me”']").Click();
        cut.Find(".confirm button.danger").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Renamed"], cut.FindAll(".conversations li a").Select(a => a.TextContent)));
        Assert.Equal("Renamed", Assert.Single(await Conversations.ListAsync(CancellationToken.None)).Title);
        Assert.Equal(keep.Id, (await Conversations.ListAsync(CancellationToken.None)).Single().Id);
    }

    [Fact]
    public async Task Answers_can_be_rated_and_the_rating_is_kept_with_the_conversation()
    {
        await UseCitingAnswererAsync();
        var cut = RenderReady();
        Ask(cut, "What is self-attention?");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".rating")));

        var form = cut.Find(".rating form");
        form.Submit();
        cut.WaitForAssertion(() => Assert.StartsWith("Enter your name as the rater", cut.Find(".rating [role=status]").TextContent, StringComparison.Ordinal));

        cut.Find(".rating input[autocomplete=name]").Change("ana");
        cut.Find(".rating select").Change("4");
        cut.Find(".rating form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Rated 4/5 by ana", cut.Find(".rating summary").TextContent));
        var conversation = (await Conversations.ListAsync(CancellationToken.None)).Single().Id;
        var rating = Assert.Single((await _web.Get<ChatRatingStore>().GetAsync(conversation, CancellationToken.None))[0]);
        Assert.Equal(new HumanRating(ChatRatingStore.QuestionId(conversation, 0), "ana", 4, false, ""), rating);
    }

    [Fact]
    public void An_unknown_conversation_address_says_so()
    {
        var cut = RenderReady(Guid.NewGuid());

        cut.WaitForAssertion(() => Assert.Contains("does not exist any more", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private ConversationStore Conversations => _web.Get<ConversationStore>();

    // The page loads the conversation list (and the conversation) after its first render; wait so events reach the final tree.
    private IRenderedComponent<ChatPage> RenderReady(Guid? conversationId = null)
    {
        var cut = _web.Bunit.Render<ChatPage>(parameters => parameters.Add(p => p.ConversationId, conversationId));
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".chat-layout").GetAttribute("aria-busy")));
        return cut;
    }

    private static void Ask(IRenderedComponent<ChatPage> cut, string question)
    {
        cut.Find("#question").Input(question);
        cut.Find("form.composer").Submit();
    }

    private async Task StoreDocumentAsync() =>
        _chunk = await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), "/corpus/attention.md", heading: "Architecture > Attention");

    // Services must all be registered before the first one is resolved, so the answerer reads the chunk lazily.
    private async Task<ScriptedAnswerer> UseCitingAnswererAsync()
    {
        var answerer = new ScriptedAnswerer(request => TestAnswers.Answer(
            "Self-attention lets every token weigh every other token [1].",
            [TestAnswers.CiteQuote(_chunk)],
            context: [new ScoredChunk(_chunk, 1.0)]) with { Question = request.Question });
        _web.UseAnswerer(answerer);
        await StoreDocumentAsync();
        return answerer;
    }

    /// <summary>Holds its suggestions until the test releases them, like a slow model.</summary>
    private sealed class PendingSuggester : IFollowUpQuestionSuggester
    {
        private readonly TaskCompletionSource<IReadOnlyList<string>> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<GroundedAnswer> Answers { get; } = [];

        public Task<IReadOnlyList<string>> SuggestAsync(GroundedAnswer answer, CancellationToken cancellationToken = default)
        {
            Answers.Add(answer);
            return _reply.Task.WaitAsync(cancellationToken);
        }

        public void Reply(IReadOnlyList<string> questions) => _reply.SetResult(questions);
    }
}
