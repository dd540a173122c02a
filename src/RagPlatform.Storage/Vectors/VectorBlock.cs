namespace RagPlatform.Storage.Vectors;

/// <summary>
/// The vectors of one document's chunks: unit float32 vectors for exact cosine scores and their int8 codes for the
/// quantised scan. Immutable, so a snapshot can share it with the snapshot that replaces it.
/// </summary>
internal sealed class VectorBlock
{
    /// <param name="unitVectors">Unit-length vectors back to back, one per entry of <paramref name="chunkRowIds"/>.</param>
    public VectorBlock(long[] chunkRowIds, float[] unitVectors, int dimensions)
    {
        ChunkRowIds = chunkRowIds;
        UnitVectors = unitVectors;
        Dimensions = dimensions;
        Codes = new Int8Codes(unitVectors, dimensions);
    }

    public long[] ChunkRowIds { get; }

    public float[] UnitVectors { get; }

    public int Dimensions { get; }

    public Int8Codes Codes { get; }

    public int Count => ChunkRowIds.Length;

    public ReadOnlySpan<float> Vector(int row) => UnitVectors.AsSpan(row * Dimensions, Dimensions);
}
