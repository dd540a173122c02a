using Microsoft.Data.Sqlite;

namespace RagPlatform.Web.Data;

/// <summary>Opens connections to web.db, creating the schema on first use and bringing older databases up to it.</summary>
internal sealed class WebDatabase(WebDataPaths paths)
{
    /// <summary>Columns added after the first release; databases created before get them on first use, empty.</summary>
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("exchanges", "settings", "TEXT NULL"),
    ];

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            settings TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS exchanges (
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question TEXT NOT NULL,
            answer_text TEXT NOT NULL,
            answer TEXT NULL,
            status TEXT NOT NULL,
            error TEXT NULL,
            asked_at TEXT NOT NULL,
            settings TEXT NULL,
            PRIMARY KEY (conversation_id, position));
        CREATE TABLE IF NOT EXISTS chat_ratings (
            conversation_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            rater TEXT NOT NULL,
            correctness INTEGER NOT NULL,
            hallucination INTEGER NOT NULL,
            comment TEXT NOT NULL,
            rated_at TEXT NOT NULL,
            PRIMARY KEY (conversation_id, position, rater),
            FOREIGN KEY (conversation_id, position) REFERENCES exchanges(conversation_id, position) ON DELETE CASCADE);
        CREATE TABLE IF NOT EXISTS uploads (
            stored_name TEXT PRIMARY KEY,
            display_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            uploaded_at TEXT NOT NULL);
        """;

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.StoreDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = paths.DatabasePath, Pooling = true }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON;", cancellationToken);
            await EnsureSchemaAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await ExecuteAsync(connection, Schema, cancellationToken);
                await AddMissingColumnsAsync(connection, cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    private static async Task AddMissingColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, column, definition) in AddedColumns)
        {
            await using var exists = connection.Command($"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column", ("$column", column));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition};", cancellationToken);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
