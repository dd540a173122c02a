namespace RagPlatform.Ingestion;

/// <summary>Chunk size limits in tokens. Bound from the "Chunking" configuration section.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Chunking";

    public const int MinimumMaxTokens = 16;

    /// <summary>Upper bound on every chunk's token count; at least <see cref="MinimumMaxTokens"/>.</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>Tokens of trailing whole sentences repeated at the start of the next chunk; 0 ≤ overlap &lt; <see cref="MaxTokens"/>.</summary>
    public int OverlapTokens { get; set; } = 32;
}
