using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagPlatform.Core.Documents;

namespace RagPlatform.Storage;

/// <summary>Column lists and readers for the documents and chunks tables, shared by every query that returns them.</summary>
internal static class ChunkRows
{
    /// <summary>Chunk columns, qualified with the alias <c>c</c>, in the order <see cref="ReadChunk"/> expects.</summary>
    public const string ChunkColumns =
        "c.id, c.document_id, c.idx, c.text, c.source_path, c.title, c.heading_path, c.page, c.start_offset, c.end_offset, c.token_count";

    public const int ChunkColumnCount = 11;

    /// <summary>
    /// Document columns, qualified with the alias <c>d</c>, in the order <see cref="ReadDocument"/> expects; tags and
    /// metadata come as JSON so that one row still describes one document.
    /// </summary>
    public const string DocumentColumns =
        "d.id, d.source_path, d.title, d.format, d.content_hash, d.size_bytes, d.language, d.ingested_at, d.chunk_count, " +
        "(SELECT json_group_array(tag) FROM (SELECT t.tag FROM document_tags t WHERE t.document_id = d.id ORDER BY t.position)), " +
        "(SELECT json_group_object(m.key, m.value) FROM document_metadata m WHERE m.document_id = d.id)";

    /// <param name="firstColumn">Ordinal of the first chunk column, for queries that select something before it.</param>
    public static Chunk ReadChunk(SqliteDataReader reader, int firstColumn = 0) => new(
        Id: reader.GetString(firstColumn),
        DocumentId: reader.GetString(firstColumn + 1),
        Index: reader.GetInt32(firstColumn + 2),
        Text: reader.GetString(firstColumn + 3),
        SourcePath: reader.GetString(firstColumn + 4),
        Title: reader.GetString(firstColumn + 5),
        HeadingPath: reader.GetString(firstColumn + 6),
        Page: reader.IsDBNull(firstColumn + 7) ? null : reader.GetInt32(firstColumn + 7),
        StartOffset: reader.GetInt32(firstColumn + 8),
        EndOffset: reader.GetInt32(firstColumn + 9),
        TokenCount: reader.GetInt32(firstColumn + 10));

    public static DocumentInfo ReadDocument(SqliteDataReader reader)
    {
        var document = new DocumentInfo(
            Id: reader.GetString(0),
            SourcePath: reader.GetString(1),
            Title: reader.GetString(2),
            Format: reader.GetString(3),
            ContentHash: reader.GetString(4),
            SizeBytes: reader.GetInt64(5),
            Language: reader.GetString(6),
            IngestedAt: DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            ChunkCount: reader.GetInt32(8));
        var tags = JsonSerializer.Deserialize<string[]>(reader.GetString(9)) ?? [];
        var metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(10)) ?? [];
        // Unlabelled documents keep DocumentInfo's shared empty defaults, so they stay equal to the records written.
        return document with
        {
            Tags = tags.Length == 0 ? document.Tags : tags,
            Metadata = metadata.Count == 0 ? document.Metadata : metadata,
        };
    }

    public static string FormatTimestamp(DateTimeOffset timestamp) => timestamp.ToString("O", CultureInfo.InvariantCulture);
}
