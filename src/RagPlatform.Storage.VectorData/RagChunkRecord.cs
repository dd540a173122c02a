using RagPlatform.Core.Documents;

namespace RagPlatform.Storage.VectorData;

/// <summary>
/// A chunk of the platform's index as a Microsoft.Extensions.VectorData record: the passage, where it came from,
/// its document's tags and metadata, and (when asked for) its stored vector.
/// </summary>
public sealed record RagChunkRecord
{
    /// <summary>The chunk id, "{DocumentId}:{Index}".</summary>
    public required string Key { get; init; }

    public required string DocumentId { get; init; }

    public int Index { get; init; }

    public required string Text { get; init; }

    public string SourcePath { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    /// <summary>Headings above the passage joined with " > ", or empty.</summary>
    public string HeadingPath { get; init; } = string.Empty;

    /// <summary>1-based page for paginated formats (PDF), otherwise null.</summary>
    public int? Page { get; init; }

    /// <summary>The document's tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The document's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    /// <summary>The stored vector; null unless the caller asked for vectors and the store keeps them.</summary>
    public ReadOnlyMemory<float>? Vector { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();

    internal static RagChunkRecord From(Chunk chunk, DocumentInfo? document, ReadOnlyMemory<float>? vector) => new()
    {
        Key = chunk.Id,
        DocumentId = chunk.DocumentId,
        Index = chunk.Index,
        Text = chunk.Text,
        SourcePath = chunk.SourcePath,
        Title = chunk.Title,
        HeadingPath = chunk.HeadingPath,
        Page = chunk.Page,
        Tags = document?.Tags ?? [],
        Metadata = document?.Metadata ?? EmptyMetadata,
        Vector = vector,
    };
}
