using System.Globalization;
using RagPlatform.Evaluation.Human;
using RagPlatform.Web.Data;

namespace RagPlatform.Web.Evaluation;

/// <summary>Human ratings of chat answers over all conversations, summarised like a run's human ratings.</summary>
/// <param name="MeanCorrectness">1–5; null without ratings.</param>
/// <param name="HallucinationRate">Share of ratings that found unsupported content; null without ratings.</param>
public sealed record ChatRatingSummary(int RatingCount, int RaterCount, double? MeanCorrectness, double? HallucinationRate);

/// <summary>A rated chat answer with what the report needs around it.</summary>
/// <param name="Settings">The settings the question was asked with; null when the exchange predates their recording.</param>
internal sealed record RatedChatExchange(
    Guid ConversationId,
    string ConversationTitle,
    string Question,
    string AnswerText,
    ConversationSettings? Settings,
    HumanRating Rating,
    DateTimeOffset RatedAt);

/// <summary>
/// Human ratings of chat answers, kept in web.db as the evaluation harness's <see cref="HumanRating"/> with the
/// question id "chat:&lt;conversation&gt;:&lt;position&gt;". One rating per rater and answer; rating again replaces it,
/// and deleting the conversation deletes its ratings.
/// </summary>
internal sealed class ChatRatingStore(WebDatabase database, TimeProvider clock)
{
    public static string QuestionId(Guid conversationId, int position) => string.Create(CultureInfo.InvariantCulture, $"chat:{conversationId:N}:{position}");

    /// <exception cref="ArgumentException">The rating breaks the rating-sheet rules.</exception>
    /// <exception cref="InvalidOperationException">The answer no longer exists.</exception>
    public async Task SaveAsync(Guid conversationId, int position, HumanRating rating, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        HumanRatings.Validate(rating);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            INSERT INTO chat_ratings (conversation_id, position, rater, correctness, hallucination, comment, rated_at)
            SELECT $conversation, $position, $rater, $correctness, $hallucination, $comment, $now
            WHERE EXISTS (SELECT 1 FROM exchanges WHERE conversation_id = $conversation AND position = $position)
            ON CONFLICT (conversation_id, position, rater) DO UPDATE SET
                correctness = excluded.correctness, hallucination = excluded.hallucination,
                comment = excluded.comment, rated_at = excluded.rated_at
            """,
            ("$conversation", conversationId.ToString("D")),
            ("$position", position),
            ("$rater", rating.Rater.Trim()),
            ("$correctness", rating.Correctness),
            ("$hallucination", rating.Hallucination ? 1 : 0),
            ("$comment", rating.Comment.Trim()),
            ("$now", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException("That answer no longer exists; its conversation may have been deleted.");
        }
    }

    /// <summary>The ratings of one conversation's answers, by answer position.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<HumanRating>>> GetAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT position, rater, correctness, hallucination, comment FROM chat_ratings WHERE conversation_id = $conversation ORDER BY position, rater",
            ("$conversation", conversationId.ToString("D")));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ratings = new List<(int Position, HumanRating Rating)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var position = reader.GetInt32(0);
            ratings.Add((position, new HumanRating(QuestionId(conversationId, position), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3) != 0, reader.GetString(4))));
        }

        return ratings.GroupBy(r => r.Position).ToDictionary(g => g.Key, g => (IReadOnlyList<HumanRating>)g.Select(r => r.Rating).ToList());
    }

    /// <summary>Every rating with its question, answer and conversation, newest first.</summary>
    public async Task<IReadOnlyList<RatedChatExchange>> ListRatedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT r.conversation_id, r.position, r.rater, r.correctness, r.hallucination, r.comment, r.rated_at,
                   c.title, e.question, e.answer_text, e.settings
            FROM chat_ratings r
            JOIN exchanges e ON e.conversation_id = r.conversation_id AND e.position = r.position
            JOIN conversations c ON c.id = r.conversation_id
            ORDER BY r.rated_at DESC, r.conversation_id, r.position, r.rater
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rated = new List<RatedChatExchange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var conversationId = Guid.Parse(reader.GetString(0));
            var rating = new HumanRating(QuestionId(conversationId, reader.GetInt32(1)), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4) != 0, reader.GetString(5));
            rated.Add(new RatedChatExchange(
                conversationId,
                reader.GetString(7),
                reader.GetString(8),
                reader.GetString(9),
                reader.IsDBNull(10) ? null : ConversationStore.ReadSettings(reader.GetString(10)),
                rating,
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return rated;
    }

    public async Task<ChatRatingSummary> SummarizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT COUNT(*), COUNT(DISTINCT rater), AVG(correctness), AVG(hallucination) FROM chat_ratings");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ChatRatingSummary(
            reader.GetInt32(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetDouble(2),
            reader.IsDBNull(3) ? null : reader.GetDouble(3));
    }
}
