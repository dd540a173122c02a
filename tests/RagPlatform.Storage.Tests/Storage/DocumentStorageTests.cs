using Microsoft.Data.Sqlite;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

public sealed class DocumentStorageTests
{
    [Fact]
    public async Task CreatesTheDirectoryAndDatabaseWhenMissing()
    {
        await using var fixture = new StoreFixture();
        Assert.False(Directory.Exists(fixture.DirectoryPath));

        Assert.Empty(await fixture.Store.ListDocumentsAsync());

        Assert.True(File.Exists(fixture.DatabasePath));
    }

    [Fact]
    public async Task RoundTripsDocumentsChunksAndText()
    {
        await using var fixture = new StoreFixture();
        var notes = CourseCorpus.EnglishNotes;

        await notes.StoreAsync(fixture.Store);

        Assert.Equal(notes.Document, await fixture.Store.GetDocumentAsync(notes.Document.Id));
        Assert.Equal([notes.Document], await fixture.Store.ListDocumentsAsync());
        Assert.Equal(notes.Chunks, await fixture.Store.GetChunksAsync(notes.Document.Id));
        Assert.Equal(notes.Text, await fixture.Store.GetDocumentTextAsync(notes.Document.Id));
    }

    [Fact]
    public async Task UnknownDocumentsAreNullOrEmpty()
    {
        await using var fixture = new StoreFixture();

        Assert.Null(await fixture.Store.GetDocumentAsync("missing"));
        Assert.Null(await fixture.Store.GetDocumentTextAsync("missing"));
        Assert.Empty(await fixture.Store.GetChunksAsync("missing"));
        Assert.False(await fixture.Store.RemoveDocumentAsync("missing"));
    }

    [Fact]
    public async Task KeepsEverythingAcrossReopening()
    {
        await using var fixture = new StoreFixture();
        await CourseCorpus.IndonesianNotes.StoreAsync(fixture.Store);
        await fixture.Store.DisposeAsync();

        await using var reopened = fixture.Open();

        Assert.Equal(CourseCorpus.IndonesianNotes.Chunks, await reopened.GetChunksAsync(CourseCorpus.IndonesianNotes.Document.Id));
        Assert.NotEmpty(await reopened.KeywordSearchAsync("tokenisasi", 3));
    }

    [Fact]
    public async Task ReplacingADocumentRemovesItsOldChunksAndKeywordRows()
    {
        await using var fixture = new StoreFixture();
        await TestDocuments.Create("guide", "Guide", "Quantization stores weights in eight bits.", "Pruning removes weights.").StoreAsync(fixture.Store);

        var replacement = TestDocuments.Create("guide", "Guide", "Distillation trains a small student model.");
        await replacement.StoreAsync(fixture.Store);

        Assert.Equal(replacement.Chunks, await fixture.Store.GetChunksAsync("guide"));
        Assert.Equal(1, (await fixture.Store.GetDocumentAsync("guide"))!.ChunkCount);
        Assert.Empty(await fixture.Store.KeywordSearchAsync("quantization pruning", 5));
        Assert.Single(await fixture.Store.KeywordSearchAsync("distillation", 5));
        Assert.Empty(await fixture.Store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task RemovingADocumentDeletesAllItsRows()
    {
        await using var fixture = new StoreFixture();
        var notes = CourseCorpus.EnglishNotes;
        await fixture.Store.SetEmbeddingSignatureAsync(new("test-model", 3));
        await notes.StoreAsync(fixture.Store, notes.Chunks.Select(_ => (ReadOnlyMemory<float>)new float[] { 1, 0, 0 }).ToList());

        Assert.True(await fixture.Store.RemoveDocumentAsync(notes.Document.Id));

        Assert.Null(await fixture.Store.GetDocumentAsync(notes.Document.Id));
        Assert.Null(await fixture.Store.GetDocumentTextAsync(notes.Document.Id));
        Assert.Empty(await fixture.Store.GetChunksAsync(notes.Document.Id));
        Assert.Empty(await fixture.Store.KeywordSearchAsync("attention", 5));
        Assert.Empty(await fixture.Store.VectorSearchAsync(new float[] { 1, 0, 0 }, 5));
        Assert.Empty(await fixture.Store.CheckIntegrityAsync());
        Assert.False(await fixture.Store.RemoveDocumentAsync(notes.Document.Id));
    }

    [Fact]
    public async Task AFailureInsideTheTransactionLeavesTheOldVersion()
    {
        await using var fixture = new StoreFixture();
        var original = TestDocuments.Create("faq", "FAQ", "Chunking splits documents into passages.", "Overlap keeps context.");
        await original.StoreAsync(fixture.Store);
        var broken = TestDocuments.Create("faq", "FAQ", "Rewritten passage one.", "Rewritten passage two.");
        var duplicateIds = broken.Chunks.Select(chunk => chunk with { Id = "faq:0" }).ToList();

        await Assert.ThrowsAsync<SqliteException>(() => fixture.Store.UpsertDocumentAsync(broken.Document, broken.Text, duplicateIds, null));

        await AssertOriginalIntact(fixture.Store, original);
    }

    [Fact]
    public async Task AVectorCountMismatchLeavesTheOldVersion()
    {
        await using var fixture = new StoreFixture();
        await fixture.Store.SetEmbeddingSignatureAsync(new("test-model", 2));
        var original = TestDocuments.Create("faq", "FAQ", "Chunking splits documents into passages.", "Overlap keeps context.");
        await original.StoreAsync(fixture.Store, [new float[] { 1, 0 }, new float[] { 0, 1 }]);
        var replacement = TestDocuments.Create("faq", "FAQ", "Rewritten passage one.", "Rewritten passage two.");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => replacement.StoreAsync(fixture.Store, [new float[] { 1, 0 }]));

        Assert.Contains("2 chunks but 1 vectors", error.Message);
        await AssertOriginalIntact(fixture.Store, original);
        Assert.Equal(2, (await fixture.Store.VectorSearchAsync(new float[] { 1, 1 }, 5)).Count);
    }

    [Fact]
    public async Task RejectsChunksWhoseOffsetsDoNotSelectTheirText()
    {
        await using var fixture = new StoreFixture();
        var document = TestDocuments.Create("doc", "Doc", "First passage.", "Second passage.");
        var shifted = document.Chunks.Select(chunk => chunk with { StartOffset = chunk.StartOffset + 1 }).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Store.UpsertDocumentAsync(document.Document, document.Text, shifted, null));

        Assert.Contains("doc:0", error.Message);
        Assert.Contains("docs/doc.md", error.Message);
    }

    [Fact]
    public async Task RejectsChunksOfAnotherDocument()
    {
        await using var fixture = new StoreFixture();
        var document = TestDocuments.Create("doc", "Doc", "First passage.");
        var foreign = document.Chunks.Select(chunk => chunk with { DocumentId = "other" }).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Store.UpsertDocumentAsync(document.Document, document.Text, foreign, null));
    }

    [Fact]
    public async Task RefusesAStoreWithANewerSchemaVersion()
    {
        await using var fixture = new StoreFixture();
        await fixture.Store.ListDocumentsAsync();
        await ExecuteRawAsync(fixture.DatabasePath, "UPDATE meta SET value = '99' WHERE key = 'schema_version';");

        await using var newer = fixture.Open();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.ListDocumentsAsync());

        Assert.Contains("schema version 99", error.Message);
        Assert.Contains(fixture.DatabasePath, error.Message);
    }

    [Fact]
    public async Task ExplainsAFileThatIsNotAnIndex()
    {
        await using var fixture = new StoreFixture();
        Directory.CreateDirectory(fixture.DirectoryPath);
        await File.WriteAllTextAsync(fixture.DatabasePath, "these are not the bytes of a SQLite database, just some notes a user saved here");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Store.ListDocumentsAsync());

        Assert.Contains(fixture.DatabasePath, error.Message);
    }

    private static async Task AssertOriginalIntact(SqliteChunkStore store, TestDocument original)
    {
        Assert.Equal(original.Chunks, await store.GetChunksAsync(original.Document.Id));
        Assert.Equal(original.Text, await store.GetDocumentTextAsync(original.Document.Id));
        Assert.Equal(2, (await store.KeywordSearchAsync("chunking overlap rewritten", 5)).Count);
        Assert.Empty(await store.CheckIntegrityAsync());
    }

    internal static async Task ExecuteRawAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, ForeignKeys = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
