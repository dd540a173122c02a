using RagPlatform.Evaluation.Human;
using RagPlatform.Web.Data;
using RagPlatform.Web.Evaluation;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Evaluation;

public sealed class ChatRatingStoreTests : IAsyncDisposable
{
    private readonly WebTestContext _web = new();

    private ChatRatingStore Ratings => _web.Get<ChatRatingStore>();

    [Fact]
    public async Task Ratings_are_kept_per_answer_and_rater_and_replaced_when_rated_again()
    {
        var conversation = await ConversationWithAnswersAsync(2);

        await Ratings.SaveAsync(conversation, 0, Rating(conversation, 0, "ana", 2, true, "Wrong year"), CancellationToken.None);
        await Ratings.SaveAsync(conversation, 0, Rating(conversation, 0, "ana", 4, false, "Fine on re-read"), CancellationToken.None);
        await Ratings.SaveAsync(conversation, 0, Rating(conversation, 0, "budi", 5, false, ""), CancellationToken.None);
        await Ratings.SaveAsync(conversation, 1, Rating(conversation, 1, "ana", 1, true, ""), CancellationToken.None);

        var byPosition = await Ratings.GetAsync(conversation, CancellationToken.None);
        Assert.Equal(["ana", "budi"], byPosition[0].Select(r => r.Rater));
        Assert.Equal(new HumanRating(ChatRatingStore.QuestionId(conversation, 0), "ana", 4, false, "Fine on re-read"), byPosition[0][0]);
        Assert.True(Assert.Single(byPosition[1]).Hallucination);
        var summary = await Ratings.SummarizeAsync(CancellationToken.None);
        Assert.Equal(new ChatRatingSummary(3, 2, (4 + 5 + 1) / 3.0, 1 / 3.0), summary);
    }

    [Fact]
    public async Task Deleting_the_conversation_deletes_its_ratings()
    {
        var conversation = await ConversationWithAnswersAsync(1);
        await Ratings.SaveAsync(conversation, 0, Rating(conversation, 0, "ana", 3, false, ""), CancellationToken.None);

        await _web.Get<ConversationStore>().DeleteAsync(conversation, CancellationToken.None);

        Assert.Equal(0, (await Ratings.SummarizeAsync(CancellationToken.None)).RatingCount);
    }

    [Fact]
    public async Task Ratings_of_missing_answers_or_out_of_range_values_are_refused()
    {
        var conversation = await ConversationWithAnswersAsync(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Ratings.SaveAsync(conversation, 5, Rating(conversation, 5, "ana", 3, false, ""), CancellationToken.None));
        var range = await Assert.ThrowsAsync<ArgumentException>(() => Ratings.SaveAsync(conversation, 0, Rating(conversation, 0, "ana", 6, false, ""), CancellationToken.None));
        Assert.StartsWith("Correctness must be a whole number from 1 to 5, got 6.", range.Message, StringComparison.Ordinal);
        var rater = await Assert.ThrowsAsync<ArgumentException>(() => Ratings.SaveAsync(conversation, 0, Rating(conversation, 0, " ", 3, false, ""), CancellationToken.None));
        Assert.StartsWith("Enter your name as the rater", rater.Message, StringComparison.Ordinal);
        Assert.Equal(new ChatRatingSummary(0, 0, null, null), await Ratings.SummarizeAsync(CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private static HumanRating Rating(Guid conversation, int position, string rater, int correctness, bool hallucination, string comment) =>
        new(ChatRatingStore.QuestionId(conversation, position), rater, correctness, hallucination, comment);

    private async Task<Guid> ConversationWithAnswersAsync(int answers)
    {
        var store = _web.Get<ConversationStore>();
        var conversation = await store.CreateAsync("Rated", ConversationSettings.Default, CancellationToken.None);
        for (var i = 0; i < answers; i++)
        {
            await store.AppendExchangeAsync(conversation.Id, new ChatExchange($"q{i}", "a", null, ExchangeStatus.Completed, null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        }

        return conversation.Id;
    }
}
