namespace RagPlatform.Ingestion;

/// <summary>Which files ingestion accepts. Bound from the "Ingestion" configuration section.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    public const long DefaultMaxFileBytes = 50L * 1024 * 1024;

    /// <summary>Larger files are rejected before they are read.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>Extensions to ingest (".md" or "md"); null ingests every format a registered reader supports.</summary>
    public IReadOnlyList<string>? Extensions { get; set; }
}
