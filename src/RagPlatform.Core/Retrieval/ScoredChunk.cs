using RagPlatform.Core.Documents;

namespace RagPlatform.Core.Retrieval;

/// <summary>A chunk with the score the retriever gave it; higher is better, scale depends on the retriever.</summary>
public sealed record ScoredChunk(Chunk Chunk, double Score);
