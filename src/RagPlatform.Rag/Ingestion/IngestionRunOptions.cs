namespace RagPlatform.Rag.Ingestion;

/// <param name="Force">Re-index files even when their content hash says they have not changed.</param>
public sealed record IngestionRunOptions(bool Force = false);
