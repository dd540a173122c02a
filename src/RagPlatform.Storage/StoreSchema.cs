using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPlatform.Storage;

/// <summary>Creates the schema of a new store and refuses stores written by a newer version.</summary>
internal static class StoreSchema
{
    public const int CurrentVersion = 1;

    public const string SchemaVersionKey = "schema_version";
    public const string ContentVersionKey = "content_version";
    public const string EmbeddingModelKey = "embedding_model";
    public const string EmbeddingDimensionsKey = "embedding_dimensions";

    // FTS5 columns and their bm25() weights: body terms count fully, headings and the title boost all their chunks.
    public const string Bm25Weights = "1.0, 0.7, 0.5";

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            source_path TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            format TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            language TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            chunk_count INTEGER NOT NULL,
            text TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS chunks (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            source_path TEXT NOT NULL,
            title TEXT NOT NULL,
            heading_path TEXT NOT NULL,
            page INTEGER,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            token_count INTEGER NOT NULL
        );

        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(document_id, idx);

        CREATE TABLE IF NOT EXISTS chunk_vectors (
            chunk_rowid INTEGER PRIMARY KEY REFERENCES chunks(rowid) ON DELETE CASCADE,
            vector BLOB NOT NULL
        );

        CREATE TABLE IF NOT EXISTS changes (
            version INTEGER NOT NULL,
            document_id TEXT
        );

        CREATE INDEX IF NOT EXISTS changes_by_version ON changes(version);

        -- Holds analyzed terms, not text: the 'ascii' tokenizer only splits them on the spaces that join them.
        CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5(
            body, headings, title,
            content = '', contentless_delete = 1, tokenize = 'ascii');
        """;

    public static async Task EnsureAsync(SqliteConnection connection, string databasePath, CancellationToken cancellationToken)
    {
        await using (var walCommand = connection.CreateCommand())
        {
            // WAL lets readers run while one writer ingests; the mode is stored in the file.
            walCommand.CommandText = "PRAGMA journal_mode = WAL;";
            await walCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var storedVersion = await ReadVersionAsync(connection, transaction, cancellationToken);
        if (storedVersion > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The index '{databasePath}' has schema version {storedVersion}, but this version of ragp understands " +
                $"only up to {CurrentVersion}. Upgrade ragp, or point it at another store directory.");
        }

        if (storedVersion == CurrentVersion)
        {
            return;
        }

        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateSql;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await MetaStore.SetAsync(connection, transaction, SchemaVersionKey, CurrentVersion.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await MetaStore.SetAsync(connection, transaction, ContentVersionKey, "0", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        var value = await MetaStore.GetAsync(connection, transaction, SchemaVersionKey, cancellationToken);
        return value is null ? 0 : int.Parse(value, CultureInfo.InvariantCulture);
    }
}
