using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPlatform.Storage;

/// <summary>
/// Every write bumps the store's content version and records which documents it touched, so a cached copy of the
/// vectors, in this process or another, can catch up by reloading only those documents.
/// </summary>
internal static class ChangeLog
{
    // Older entries are dropped; a cache further behind than this reloads everything.
    private const long RetainedVersions = 10_000;

    // A null document id marks a write that touched every document (clearing vectors, a new embedding model).
    private static readonly string?[] EveryDocument = [null];

    /// <param name="documentIds">The documents written, or null when the write touched every document's vectors.</param>
    public static async Task RecordAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string>? documentIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = $key RETURNING CAST(value AS INTEGER);";
        command.Parameters.AddWithValue("$key", StoreSchema.ContentVersionKey);
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        command.Parameters.Clear();
        command.CommandText = "INSERT INTO changes (version, document_id) VALUES ($version, $documentId);";
        command.Parameters.AddWithValue("$version", version);
        var documentParameter = command.Parameters.Add(new SqliteParameter { ParameterName = "$documentId" });
        IEnumerable<string?> entries = documentIds is null ? EveryDocument : (IEnumerable<string?>)documentIds;
        foreach (var documentId in entries)
        {
            documentParameter.Value = (object?)documentId ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        command.Parameters.Clear();
        command.CommandText = "DELETE FROM changes WHERE version <= $oldest;";
        command.Parameters.AddWithValue("$oldest", version - RetainedVersions);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        long.Parse(
            await MetaStore.GetAsync(connection, transaction, StoreSchema.ContentVersionKey, cancellationToken) ?? "0",
            CultureInfo.InvariantCulture);

    /// <returns>The documents written after <paramref name="sinceVersion"/> up to <paramref name="currentVersion"/>, or
    /// null when the log no longer covers that range or a write touched everything.</returns>
    public static async Task<IReadOnlySet<string>?> ReadChangedDocumentsAsync(
        SqliteConnection connection, SqliteTransaction transaction, long sinceVersion, long currentVersion, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, document_id FROM changes WHERE version > $since AND version <= $current;";
        command.Parameters.AddWithValue("$since", sinceVersion);
        command.Parameters.AddWithValue("$current", currentVersion);
        var versions = new HashSet<long>();
        var documentIds = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(1))
            {
                return null;
            }

            versions.Add(reader.GetInt64(0));
            documentIds.Add(reader.GetString(1));
        }

        return versions.Count == currentVersion - sinceVersion ? documentIds : null;
    }
}
