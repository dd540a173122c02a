namespace RagPlatform.Rag.Ingestion;

public enum IngestionOutcome
{
    Added,
    Updated,
    Unchanged,
    Failed,
}

/// <summary>What happened to one file.</summary>
/// <param name="Error">Why the file failed and what to do about it; null unless <see cref="Outcome"/> is Failed.</param>
public sealed record FileIngestionResult(string SourcePath, IngestionOutcome Outcome, string? DocumentId, int ChunkCount, string? Error);

/// <summary>Progress of an ingestion run: files finished so far out of the files found.</summary>
public sealed record IngestionProgress(int Completed, int Total, FileIngestionResult? Last);

/// <summary>The outcome of an ingestion run, file by file.</summary>
public sealed record IngestionReport(IReadOnlyList<FileIngestionResult> Files)
{
    public int Added => Count(IngestionOutcome.Added);

    public int Updated => Count(IngestionOutcome.Updated);

    public int Unchanged => Count(IngestionOutcome.Unchanged);

    public int Failed => Count(IngestionOutcome.Failed);

    public bool HasFailures => Failed > 0;

    private int Count(IngestionOutcome outcome) => Files.Count(f => f.Outcome == outcome);
}
