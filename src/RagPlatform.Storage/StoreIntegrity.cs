using System.Globalization;
using Microsoft.Data.Sqlite;
using RagPlatform.Core.Storage;

namespace RagPlatform.Storage;

/// <summary>
/// Looks for damage the schema alone cannot prevent: a corrupt file, rows written with foreign keys off, a torn FTS
/// index, vectors that disagree with the chunks or with the recorded embedding model.
/// </summary>
internal static class StoreIntegrity
{
    private const string RebuildRemedy =
        "Restore the store directory from a backup, or delete it and run 'ragp ingest' on your documents again.";

    private const string ReingestRemedy =
        "Run 'ragp ingest --force' on your documents to rewrite every document; if problems remain, delete the store directory and ingest again.";

    private static readonly (string Sql, string Problem)[] ChunkProblems =
    [
        ("SELECT count(*) FROM chunks WHERE document_id NOT IN (SELECT id FROM documents);",
            "{0} chunk(s) belong to no stored document (orphan chunks)."),
        ("SELECT (SELECT count(*) FROM document_tags WHERE document_id NOT IN (SELECT id FROM documents)) + (SELECT count(*) FROM document_metadata WHERE document_id NOT IN (SELECT id FROM documents));",
            "{0} tag or metadata row(s) belong to no stored document."),
    ];

    private static readonly (string Sql, string Problem)[] KeywordProblems =
    [
        ("SELECT count(*) FROM chunk_terms WHERE rowid NOT IN (SELECT rowid FROM chunks);",
            "{0} keyword-index row(s) have no chunk."),
        ("SELECT count(*) FROM chunks WHERE rowid NOT IN (SELECT rowid FROM chunk_terms);",
            "{0} chunk(s) are missing from the keyword index."),
    ];

    private static readonly (string Sql, string Problem)[] VectorProblems =
    [
        ("SELECT count(*) FROM chunk_vectors WHERE chunk_rowid NOT IN (SELECT rowid FROM chunks);",
            "{0} vector(s) have no chunk."),
        ($"""
         SELECT count(*) FROM chunk_vectors
         WHERE length(vector) <> 4 * coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{StoreSchema.EmbeddingDimensionsKey}'), -1);
         """,
            "{0} vector(s) do not match the recorded embedding dimensions."),
        ($"""
         SELECT count(*) FROM chunks
         WHERE EXISTS (SELECT 1 FROM chunk_vectors) AND rowid NOT IN (SELECT chunk_rowid FROM chunk_vectors);
         """,
            "{0} chunk(s) have no vector while the others have one, so dense search cannot find them."),
    ];

    public static async Task<IReadOnlyList<StoreCheck>> CheckAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        return
        [
            await RunAsync("SQLite file integrity", RebuildRemedy, () => SqliteProblemsAsync(command, cancellationToken)),
            await RunAsync("Chunks and labels belong to documents", ReingestRemedy, async () =>
                [.. await CountProblemsAsync(command, ChunkProblems, cancellationToken), .. await ChunkCountProblemsAsync(command, cancellationToken)]),
            await RunAsync("Keyword index matches chunks", RebuildRemedy, async () =>
                [.. await CountProblemsAsync(command, KeywordProblems, cancellationToken), .. await KeywordIndexProblemsAsync(command, cancellationToken)]),
            await RunAsync("Vectors match chunks and embedding model", ReingestRemedy, () => CountProblemsAsync(command, VectorProblems, cancellationToken)),
        ];
    }

    // A damaged file can make any query fail; that failure is the check's finding, and the other checks still run.
    private static async Task<StoreCheck> RunAsync(string name, string remedy, Func<Task<List<string>>> findProblems)
    {
        try
        {
            return new StoreCheck(name, await findProblems(), remedy);
        }
        catch (SqliteException exception)
        {
            return new StoreCheck(name, [$"The check could not run: {exception.Message}"], RebuildRemedy);
        }
    }

    private static async Task<List<string>> SqliteProblemsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        command.CommandText = "PRAGMA integrity_check;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = reader.GetString(0);
            if (line != "ok")
            {
                problems.Add($"SQLite integrity check: {line}");
            }
        }

        return problems;
    }

    private static async Task<List<string>> CountProblemsAsync(
        SqliteCommand command, (string Sql, string Problem)[] countedProblems, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (sql, problem) in countedProblems)
        {
            command.CommandText = sql;
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (count > 0)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, problem, count));
            }
        }

        return problems;
    }

    private static async Task<List<string>> ChunkCountProblemsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        command.CommandText = """
            SELECT d.id, d.chunk_count, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) AS actual
            FROM documents d
            WHERE d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)
            ORDER BY d.id;
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            problems.Add($"Document '{reader.GetString(0)}' records {reader.GetInt64(1)} chunk(s) but has {reader.GetInt64(2)}.");
        }

        return problems;
    }

    private static async Task<List<string>> KeywordIndexProblemsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            command.CommandText = "INSERT INTO chunk_terms (chunk_terms) VALUES ('integrity-check');";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return [];
        }
        catch (SqliteException exception)
        {
            return [$"Keyword index is damaged: {exception.Message}"];
        }
    }

    public static async Task<StoreContents> CountAsync(SqliteConnection connection, EmbeddingSignature? embedding, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM chunks), (SELECT count(*) FROM chunk_vectors);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreContents(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), embedding);
    }
}
