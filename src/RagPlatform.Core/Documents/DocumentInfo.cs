namespace RagPlatform.Core.Documents;

/// <summary>A document as the index knows it: identity, provenance and the hash that makes re-ingestion idempotent.</summary>
/// <param name="Id">Stable id derived from the source path, so re-ingesting the same file replaces it.</param>
/// <param name="SourcePath">Path the document was read from, as given to ingestion (normalised separators).</param>
/// <param name="Format">Reader that produced it: txt, md, html, pdf or docx.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the file bytes.</param>
/// <param name="Language">"id" or "en", detected from the text.</param>
public sealed record DocumentInfo(
    string Id,
    string SourcePath,
    string Title,
    string Format,
    string ContentHash,
    long SizeBytes,
    string Language,
    DateTimeOffset IngestedAt,
    int ChunkCount)
{
    /// <summary>Labels given at ingestion (e.g. <c>course:nlp</c>); searches can require them.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Key/value pairs given at ingestion (e.g. <c>owner=tim</c>); searches can require exact values.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();
}
