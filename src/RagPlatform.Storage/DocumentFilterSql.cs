using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Storage;

/// <summary>
/// A <see cref="SearchFilter"/> as SQL over the documents table: the ids of the documents it admits. Every member
/// restricts with AND; a document matches the tags when it carries all of them and the metadata when it has every
/// key with exactly that value.
/// </summary>
internal sealed class DocumentFilterSql
{
    private readonly SearchFilter _filter;

    private DocumentFilterSql(SearchFilter filter, string matchingDocumentIds)
    {
        _filter = filter;
        MatchingDocumentIds = matchingDocumentIds;
    }

    /// <summary>A <c>SELECT d.id FROM documents d WHERE …</c> of the admitted documents, without a trailing semicolon.</summary>
    public string MatchingDocumentIds { get; }

    /// <returns>Null when <paramref name="filter"/> restricts nothing.</returns>
    public static DocumentFilterSql? From(SearchFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var conditions = new List<string>();
        if (filter.DocumentIds is not null)
        {
            conditions.Add("d.id IN (SELECT value FROM json_each($filterDocumentIds))");
        }

        if (filter.Tags is { Count: > 0 })
        {
            conditions.Add("""
                (SELECT count(*) FROM document_tags t
                 WHERE t.document_id = d.id AND t.tag IN (SELECT DISTINCT value FROM json_each($filterTags)))
                = (SELECT count(DISTINCT value) FROM json_each($filterTags))
                """);
        }

        if (filter.Metadata is { Count: > 0 })
        {
            conditions.Add("""
                (SELECT count(*) FROM document_metadata m JOIN json_each($filterMetadata) j ON m.key = j.key AND m.value = j.value
                 WHERE m.document_id = d.id)
                = (SELECT count(*) FROM json_each($filterMetadata))
                """);
        }

        return conditions.Count == 0
            ? null
            : new DocumentFilterSql(filter, $"SELECT d.id FROM documents d WHERE {string.Join(" AND ", conditions)}");
    }

    /// <summary>The ids of the documents <paramref name="filter"/> admits, or null when it restricts nothing.</summary>
    public static async Task<IReadOnlyCollection<string>?> ResolveAsync(SqliteConnection connection, SearchFilter? filter, CancellationToken cancellationToken)
    {
        if (From(filter) is not { } sql)
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql.MatchingDocumentIds + ";";
        sql.Bind(command);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public void Bind(SqliteCommand command)
    {
        if (_filter.DocumentIds is { } documentIds)
        {
            command.Parameters.AddWithValue("$filterDocumentIds", JsonSerializer.Serialize(documentIds));
        }

        if (_filter.Tags is { Count: > 0 } tags)
        {
            command.Parameters.AddWithValue("$filterTags", JsonSerializer.Serialize(tags));
        }

        if (_filter.Metadata is { Count: > 0 } metadata)
        {
            command.Parameters.AddWithValue("$filterMetadata", JsonSerializer.Serialize(metadata));
        }
    }
}
