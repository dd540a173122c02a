using Microsoft.Data.Sqlite;
using RagPlatform.Core.Retrieval;
using RagPlatform.Web.Data;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Data;

public sealed class ConversationStoreTests : IAsyncDisposable
{
    private readonly WebTestContext _web = new();

    private ConversationStore Store => _web.Get<ConversationStore>();

    [Fact]
    public async Task A_conversation_round_trips_with_answers_citations_and_settings()
    {
        var chunk = TestAnswers.Chunk("a", "Model > Attention", page: 2);
        var answer = TestAnswers.Answer("Tokens attend [1].", [TestAnswers.Cite(chunk, 1)], "id", [new ScoredChunk(chunk, 0.75)]);
        var settings = new ConversationSettings(7, new Dictionary<string, string> { ["persona"] = "tutor" });
        var created = await Store.CreateAsync("  Attention  ", settings, CancellationToken.None);

        Assert.Equal(0, await Store.AppendExchangeAsync(created.Id, new ChatExchange("q1", answer.Text, answer, ExchangeStatus.Completed, null, DateTimeOffset.UnixEpoch), CancellationToken.None));
        Assert.Equal(1, await Store.AppendExchangeAsync(created.Id, new ChatExchange("q2", "Part", null, ExchangeStatus.Stopped, null, DateTimeOffset.UnixEpoch.AddMinutes(1)), CancellationToken.None));
        var loaded = await Store.GetAsync(created.Id, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal("Attention", loaded.Title);
        Assert.Equal(7, loaded.Settings.TopK);
        Assert.Equal("tutor", loaded.Settings.PromptComponents["persona"]);
        Assert.Equal(["q1", "q2"], loaded.Exchanges.Select(e => e.Question));
        var first = loaded.Exchanges[0];
        Assert.Equal(ExchangeStatus.Completed, first.Status);
        Assert.Equal(answer.Citations, first.Answer!.Citations);
        Assert.Equal(answer.Context, first.Answer.Context);
        Assert.Equal("id", first.Answer.Language);
        Assert.Equal(ExchangeStatus.Stopped, loaded.Exchanges[1].Status);
        Assert.Null(loaded.Exchanges[1].Answer);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(1), loaded.Exchanges[1].AskedAt);
    }

    [Fact]
    public async Task The_hybrid_weight_and_each_exchanges_settings_are_saved()
    {
        var settings = new ConversationSettings(null, new Dictionary<string, string> { ["tone"] = "friendly" }, HybridWeight: 0.8);
        var created = await Store.CreateAsync("Hybrid", settings, CancellationToken.None);
        await Store.AppendExchangeAsync(created.Id, new ChatExchange("q1", "a", null, ExchangeStatus.Completed, null, DateTimeOffset.UnixEpoch, settings), CancellationToken.None);
        await Store.UpdateSettingsAsync(created.Id, settings with { HybridWeight = 0.2 }, CancellationToken.None);

        var loaded = (await Store.GetAsync(created.Id, CancellationToken.None))!;

        Assert.Equal(0.2, loaded.Settings.HybridWeight);
        Assert.Equal(FusionWeights.FromDenseShare(0.2), loaded.Settings.Weights);
        var saved = loaded.Exchanges.Single().Settings!;
        Assert.Equal(0.8, saved.HybridWeight);
        Assert.Equal("friendly", saved.PromptComponents["tone"]);
    }

    [Fact]
    public async Task A_database_from_before_per_exchange_settings_is_migrated_and_its_rows_kept()
    {
        var id = Guid.NewGuid();
        Directory.CreateDirectory(_web.StorePath);
        await using (var old = new SqliteConnection($"Data Source={Path.Combine(_web.StorePath, "web.db")}"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = $$$"""
                CREATE TABLE conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, settings TEXT NOT NULL);
                CREATE TABLE exchanges (conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                    question TEXT NOT NULL, answer_text TEXT NOT NULL, answer TEXT NULL, status TEXT NOT NULL, error TEXT NULL, asked_at TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, position));
                INSERT INTO conversations VALUES ('{{{id:D}}}', 'Old chat', '2024-01-01T00:00:00.0000000+00:00', '2024-01-01T00:00:00.0000000+00:00', '{"topK":4,"promptComponents":{"persona":"tutor"}}');
                INSERT INTO exchanges VALUES ('{{{id:D}}}', 0, 'Old question', 'Old answer', NULL, 'Completed', NULL, '2024-01-01T00:00:00.0000000+00:00');
                """;
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var loaded = (await Store.GetAsync(id, CancellationToken.None))!;
        await Store.AppendExchangeAsync(id, new ChatExchange("New question", "New answer", null, ExchangeStatus.Completed, null, DateTimeOffset.UnixEpoch, loaded.Settings), CancellationToken.None);
        var resumed = (await Store.GetAsync(id, CancellationToken.None))!;

        Assert.Equal(4, loaded.Settings.TopK);
        Assert.Null(loaded.Settings.HybridWeight);
        Assert.Null(loaded.Settings.Weights);
        Assert.Equal(["Old question", "New question"], resumed.Exchanges.Select(e => e.Question));
        Assert.Null(resumed.Exchanges[0].Settings);
        Assert.Equal("tutor", resumed.Exchanges[1].Settings!.PromptComponents["persona"]);
    }

    [Fact]
    public async Task Conversations_are_listed_most_recently_used_first_and_survive_a_restart()
    {
        var older = await Store.CreateAsync("Older", ConversationSettings.Default, CancellationToken.None);
        await Task.Delay(5);
        await Store.CreateAsync("Newer", ConversationSettings.Default, CancellationToken.None);
        await Task.Delay(5);
        await Store.AppendExchangeAsync(older.Id, new ChatExchange("q", "a", null, ExchangeStatus.Completed, null, DateTimeOffset.UtcNow), CancellationToken.None);

        await using var restarted = new WebTestContext(new Dictionary<string, string?> { ["Store:Path"] = _web.StorePath });
        var listed = await restarted.Get<ConversationStore>().ListAsync(CancellationToken.None);

        Assert.Equal(["Older", "Newer"], listed.Select(c => c.Title));
    }

    [Fact]
    public async Task Rename_and_delete_report_whether_the_conversation_existed()
    {
        var created = await Store.CreateAsync("Draft", ConversationSettings.Default, CancellationToken.None);
        await Store.AppendExchangeAsync(created.Id, new ChatExchange("q", "a", null, ExchangeStatus.Completed, null, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.True(await Store.RenameAsync(created.Id, "Final", CancellationToken.None));
        Assert.Equal("Final", (await Store.GetAsync(created.Id, CancellationToken.None))!.Title);
        Assert.True(await Store.DeleteAsync(created.Id, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(created.Id, CancellationToken.None));
        Assert.False(await Store.RenameAsync(created.Id, "Again", CancellationToken.None));
        Assert.Null(await Store.GetAsync(created.Id, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.AppendExchangeAsync(created.Id, new ChatExchange("q", "a", null, ExchangeStatus.Completed, null, DateTimeOffset.UtcNow), CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Blank_titles_are_refused(string title)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(title, ConversationSettings.Default, CancellationToken.None));

        Assert.StartsWith("A conversation title cannot be empty.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_made_from_questions_use_the_first_line_and_fit_the_limit()
    {
        Assert.Equal("What is attention?", ConversationStore.TitleFrom("  What is attention?\nAnd more detail."));
        var shortened = ConversationStore.TitleFrom(new string('x', 500));
        Assert.Equal(ConversationStore.MaxTitleLength, shortened.Length);
        Assert.EndsWith("…", shortened, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();
}
