using RagPlatform.Core.Retrieval;

namespace RagPlatform.Storage.Vectors;

/// <summary>
/// The chunk rows a dense search may return. <see cref="DocumentIds"/> skips whole documents; <see cref="ChunkRowIds"/>
/// is a set of allowed chunk rows computed in SQL (for filters on document tags or metadata, say). Null members do
/// not restrict; members combine with AND.
/// </summary>
internal sealed record ChunkRowScope(IReadOnlyCollection<string>? DocumentIds = null, IReadOnlySet<long>? ChunkRowIds = null)
{
    public static ChunkRowScope Everything { get; } = new();

    /// <summary>The part of <paramref name="filter"/> that needs no SQL: its document ids.</summary>
    public static ChunkRowScope FromDocuments(SearchFilter? filter) => new(filter?.DocumentIds);

    public bool Allows(long chunkRowId) => ChunkRowIds is null || ChunkRowIds.Contains(chunkRowId);
}
