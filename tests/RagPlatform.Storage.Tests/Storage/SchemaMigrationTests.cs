using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

public sealed class SchemaMigrationTests
{
    // The schema as ragp wrote it at version 1, before documents had tags and metadata.
    private const string Version1Schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE documents (
            id TEXT PRIMARY KEY, source_path TEXT NOT NULL UNIQUE, title TEXT NOT NULL, format TEXT NOT NULL,
            content_hash TEXT NOT NULL, size_bytes INTEGER NOT NULL, language TEXT NOT NULL, ingested_at TEXT NOT NULL,
            chunk_count INTEGER NOT NULL, text TEXT NOT NULL);
        CREATE TABLE chunks (
            rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, text TEXT NOT NULL, source_path TEXT NOT NULL, title TEXT NOT NULL, heading_path TEXT NOT NULL,
            page INTEGER, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, token_count INTEGER NOT NULL);
        CREATE INDEX chunks_by_document ON chunks(document_id, idx);
        CREATE TABLE chunk_vectors (chunk_rowid INTEGER PRIMARY KEY REFERENCES chunks(rowid) ON DELETE CASCADE, vector BLOB NOT NULL);
        CREATE TABLE changes (version INTEGER NOT NULL, document_id TEXT);
        CREATE INDEX changes_by_version ON changes(version);
        CREATE VIRTUAL TABLE chunk_terms USING fts5(body, headings, title, content = '', contentless_delete = 1, tokenize = 'ascii');
        INSERT INTO meta VALUES ('schema_version', '1'), ('content_version', '5'), ('embedding_model', 'old-model'), ('embedding_dimensions', '2');
        INSERT INTO documents VALUES ('old', 'notes/old.md', 'Old notes', 'md', 'abc', 21, 'en', '2025-01-02T03:04:05.0000000+00:00', 1, 'Transformers attend.');
        INSERT INTO chunks VALUES (1, 'old:0', 'old', 0, 'Transformers attend.', 'notes/old.md', 'Old notes', '', NULL, 0, 20, 2);
        """;

    [Fact]
    public async Task A_version_1_store_opens_with_its_data_and_gains_tags_and_metadata()
    {
        await using var fixture = new StoreFixture();
        await CreateVersion1StoreAsync(fixture.DatabasePath);

        var document = Assert.Single(await fixture.Store.ListDocumentsAsync());
        Assert.Equal(("old", "Old notes", 1), (document.Id, document.Title, document.ChunkCount));
        Assert.Empty(document.Tags);
        Assert.Empty(document.Metadata);
        Assert.Equal("old:0", Assert.Single(await fixture.Store.KeywordSearchAsync("transformers", 5)).Chunk.Id);
        Assert.Equal("old:0", Assert.Single(await fixture.Store.VectorSearchAsync(new[] { 1f, 0f }, 5)).Chunk.Id);
        Assert.Empty(await fixture.Store.CheckIntegrityAsync());
        Assert.Equal(("2", "5"), (await ReadMetaAsync(fixture.DatabasePath, "schema_version"), await ReadMetaAsync(fixture.DatabasePath, "content_version")));

        var labelled = document with { Tags = ["legacy"], Metadata = new Dictionary<string, string> { ["owner"] = "tim" } };
        var chunks = await fixture.Store.GetChunksAsync("old");
        await fixture.Store.UpsertDocumentAsync(labelled, "Transformers attend.", chunks, [new[] { 1f, 0f }]);

        Assert.Single(await fixture.Store.KeywordSearchAsync("transformers", 5, new SearchFilter(Tags: ["legacy"])));
        Assert.Equal(["legacy"], (await fixture.Store.GetDocumentAsync("old"))!.Tags);
    }

    private static async Task CreateVersion1StoreAsync(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var terms = string.Join(' ', MultilingualAnalyzer.Default.Analyze("Transformers attend."));
        var titleTerms = string.Join(' ', MultilingualAnalyzer.Default.Analyze("Old notes"));
        await DocumentStorageTests.ExecuteRawAsync(databasePath, Version1Schema);

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO chunk_terms (rowid, body, headings, title) VALUES (1, $terms, '', $title);
            INSERT INTO chunk_vectors VALUES (1, $vector);
            """;
        command.Parameters.AddWithValue("$terms", terms);
        command.Parameters.AddWithValue("$title", titleTerms);
        command.Parameters.AddWithValue("$vector", MemoryMarshal.AsBytes<float>([1f, 0f]).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ReadMetaAsync(string databasePath, string key)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync() as string;
    }
}
