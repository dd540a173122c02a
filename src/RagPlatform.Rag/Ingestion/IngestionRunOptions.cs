namespace RagPlatform.Rag.Ingestion;

/// <param name="Force">Re-index files even when their content hash says they have not changed.</param>
/// <param name="Tags">Labels every ingested document carries (e.g. <c>course:nlp</c>); null or empty gives none.</param>
/// <param name="Metadata">Key/value pairs every ingested document carries (e.g. owner = tim); null or empty gives none.</param>
/// <remarks>
/// A document's tags and metadata are those of its latest ingestion: ingesting an unchanged file with other labels
/// stores it again with the new ones, and ingesting it without labels removes them.
/// </remarks>
public sealed record IngestionRunOptions(
    bool Force = false,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Metadata = null);
