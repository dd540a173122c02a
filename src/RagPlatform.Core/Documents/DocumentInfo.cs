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
    int ChunkCount);
