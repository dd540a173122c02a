using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPlatform.Storage;

/// <summary>Creates the schema of a new store, upgrades stores of older versions in place, and refuses newer ones.</summary>
internal static class StoreSchema
{
    /// <summary>1: documents, chunks, vectors, keyword index. 2: adds document tags and metadata.</summary>
    public const int CurrentVersion = 2;

    public const string SchemaVersionKey = "schema_version";
    public const string ContentVersionKey = "content_version";
    public const string EmbeddingModelKey = "embedding_model";
    public const string EmbeddingDimensionsKey = "embedding_dimensions";

    // FTS5 columns and their bm25() weights: body terms count fully, headings and the title boost all their chunks.
    public const string Bm25Weights = "1.0, 0.7, 0.5";

    private const string CreateVersion1Sql = """
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

    private const string AddLabelsSql = """
        CREATE TABLE IF NOT EXISTS document_tags (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (document_id, tag)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS document_tags_by_tag ON document_tags(tag);

        CREATE TABLE IF NOT EXISTS document_metadata (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (document_id, key)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS document_metadata_by_entry ON document_metadata(key, value);
        """;

    /// <summary>The statements that bring a store of version <c>index</c> to version <c>index + 1</c>; 0 is a new file.</summary>
    private static readonly string[] Upgrades = [CreateVersion1Sql, AddLabelsSql];

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

        // Each step only adds tables and indexes, so existing rows, and the content version other processes'
        // caches compare against, are kept.
        await using (var upgrade = connection.CreateCommand())
        {
            upgrade.Transaction = transaction;
            foreach (var step in Upgrades[storedVersion..])
            {
                upgrade.CommandText = step;
                await upgrade.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (storedVersion == 0)
        {
            await MetaStore.SetAsync(connection, transaction, ContentVersionKey, "0", cancellationToken);
        }

        await MetaStore.SetAsync(connection, transaction, SchemaVersionKey, CurrentVersion.ToString(CultureInfo.InvariantCulture), cancellationToken);
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
