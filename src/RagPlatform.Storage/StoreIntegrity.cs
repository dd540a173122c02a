using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPlatform.Storage;

/// <summary>Looks for damage the schema alone cannot prevent: rows written with foreign keys off, a torn FTS index.</summary>
internal static class StoreIntegrity
{
    private static readonly (string Sql, string Problem)[] CountedProblems =
    [
        ("SELECT count(*) FROM chunks WHERE document_id NOT IN (SELECT id FROM documents);",
            "{0} chunk(s) belong to no stored document (orphan chunks)."),
        ("SELECT count(*) FROM chunk_terms WHERE rowid NOT IN (SELECT rowid FROM chunks);",
            "{0} keyword-index row(s) have no chunk."),
        ("SELECT count(*) FROM chunks WHERE rowid NOT IN (SELECT rowid FROM chunk_terms);",
            "{0} chunk(s) are missing from the keyword index."),
        ("SELECT (SELECT count(*) FROM document_tags WHERE document_id NOT IN (SELECT id FROM documents)) + (SELECT count(*) FROM document_metadata WHERE document_id NOT IN (SELECT id FROM documents));",
            "{0} tag or metadata row(s) belong to no stored document."),
        ("SELECT count(*) FROM chunk_vectors WHERE chunk_rowid NOT IN (SELECT rowid FROM chunks);",
            "{0} vector(s) have no chunk."),
        ($"""
         SELECT count(*) FROM chunk_vectors
         WHERE length(vector) <> 4 * coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{StoreSchema.EmbeddingDimensionsKey}'), -1);
         """,
            "{0} vector(s) do not match the recorded embedding dimensions."),
    ];

    public static async Task<IReadOnlyList<string>> CheckAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA integrity_check;";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add($"SQLite integrity check: {line}");
                }
            }
        }

        foreach (var (sql, problem) in CountedProblems)
        {
            command.CommandText = sql;
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (count > 0)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, problem, count));
            }
        }

        command.CommandText = """
            SELECT d.id, d.chunk_count, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) AS actual
            FROM documents d
            WHERE d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)
            ORDER BY d.id;
            """;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add($"Document '{reader.GetString(0)}' records {reader.GetInt64(1)} chunk(s) but has {reader.GetInt64(2)}.");
            }
        }

        try
        {
            command.CommandText = "INSERT INTO chunk_terms (chunk_terms) VALUES ('integrity-check');";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            problems.Add($"Keyword index is damaged: {exception.Message}");
        }

        return problems;
    }
}
