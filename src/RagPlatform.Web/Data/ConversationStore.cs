using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using RagPlatform.Core.Answers;

namespace RagPlatform.Web.Data;

/// <summary>Saves conversations and their exchanges in web.db, so they survive restarts.</summary>
internal sealed class ConversationStore(WebDatabase database, TimeProvider clock)
{
    public const int MaxTitleLength = 120;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT id, title, updated_at FROM conversations ORDER BY updated_at DESC, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var conversations = new List<ConversationSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            conversations.Add(new ConversationSummary(Guid.Parse(reader.GetString(0)), reader.GetString(1), ParseTime(reader.GetString(2))));
        }

        return conversations;
    }

    public async Task<Conversation?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        string title;
        ConversationSettings settings;
        await using (var command = connection.Command("SELECT title, settings FROM conversations WHERE id = $id", ("$id", Key(id))))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            title = reader.GetString(0);
            settings = ReadSettings(reader.GetString(1));
        }

        var exchanges = new List<ChatExchange>();
        await using (var command = connection.Command(
            "SELECT question, answer_text, answer, status, error, asked_at, settings FROM exchanges WHERE conversation_id = $id ORDER BY position",
            ("$id", Key(id))))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                exchanges.Add(new ChatExchange(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : JsonSerializer.Deserialize<GroundedAnswer>(reader.GetString(2), Json),
                    Enum.Parse<ExchangeStatus>(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    ParseTime(reader.GetString(5)),
                    reader.IsDBNull(6) ? null : ReadSettings(reader.GetString(6))));
            }
        }

        return new Conversation(id, title, settings, exchanges);
    }

    public async Task<ConversationSummary> CreateAsync(string title, ConversationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var summary = new ConversationSummary(Guid.NewGuid(), ValidTitle(title), clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO conversations (id, title, created_at, updated_at, settings) VALUES ($id, $title, $now, $now, $settings)",
            ("$id", Key(summary.Id)), ("$title", summary.Title), ("$now", FormatTime(summary.UpdatedAt)), ("$settings", JsonSerializer.Serialize(settings, Json)));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return summary;
    }

    /// <returns>False when no such conversation exists.</returns>
    public Task<bool> RenameAsync(Guid id, string title, CancellationToken cancellationToken) =>
        UpdateAsync(id, "title = $value", ValidTitle(title), cancellationToken);

    /// <returns>False when no such conversation exists.</returns>
    public Task<bool> UpdateSettingsAsync(Guid id, ConversationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return UpdateAsync(id, "settings = $value", JsonSerializer.Serialize(settings, Json), cancellationToken);
    }

    /// <returns>False when no such conversation existed.</returns>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM conversations WHERE id = $id", ("$id", Key(id)));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Adds the exchange after the conversation's last one.</summary>
    /// <returns>The exchange's position in the conversation, starting at 0.</returns>
    /// <exception cref="InvalidOperationException">The conversation was deleted.</exception>
    public async Task<int> AppendExchangeAsync(Guid id, ChatExchange exchange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var touch = connection.Command(
            "UPDATE conversations SET updated_at = $now WHERE id = $id", ("$id", Key(id)), ("$now", FormatTime(clock.GetUtcNow())));
        if (await touch.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"Conversation {id} no longer exists; it may have been deleted in another tab.");
        }

        await using var insert = connection.Command(
            """
            INSERT INTO exchanges (conversation_id, position, question, answer_text, answer, status, error, asked_at, settings)
            VALUES ($id, (SELECT COALESCE(MAX(position) + 1, 0) FROM exchanges WHERE conversation_id = $id),
                    $question, $text, $answer, $status, $error, $asked, $settings)
            RETURNING position
            """,
            ("$id", Key(id)),
            ("$question", exchange.Question),
            ("$text", exchange.AnswerText),
            ("$answer", exchange.Answer is null ? null : JsonSerializer.Serialize(exchange.Answer, Json)),
            ("$status", exchange.Status.ToString()),
            ("$error", exchange.Error),
            ("$asked", FormatTime(exchange.AskedAt)),
            ("$settings", exchange.Settings is null ? null : JsonSerializer.Serialize(exchange.Settings, Json)));
        var position = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken);
        return position;
    }

    /// <summary>A usable title made from a question: its first line, shortened to fit.</summary>
    public static string TitleFrom(string question)
    {
        var firstLine = question.Trim().Split('\n', 2)[0].Trim();
        return firstLine.Length <= MaxTitleLength ? firstLine : string.Concat(firstLine.AsSpan(0, MaxTitleLength - 1).TrimEnd(), "…");
    }

    /// <summary>Settings saved as JSON; members added later are absent from older rows and take their defaults.</summary>
    public static ConversationSettings ReadSettings(string json) =>
        JsonSerializer.Deserialize<ConversationSettings>(json, Json) ?? ConversationSettings.Default;

    private async Task<bool> UpdateAsync(Guid id, string assignment, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"UPDATE conversations SET {assignment} WHERE id = $id", ("$id", Key(id)), ("$value", value));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static string ValidTitle(string title)
    {
        var trimmed = title?.Trim() ?? string.Empty;
        return trimmed.Length switch
        {
            0 => throw new ArgumentException("A conversation title cannot be empty.", nameof(title)),
            > MaxTitleLength => throw new ArgumentException($"A conversation title can be at most {MaxTitleLength} characters (got {trimmed.Length}).", nameof(title)),
            _ => trimmed,
        };
    }

    private static string Key(Guid id) => id.ToString("D");

    private static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
