namespace RagPlatform.Storage.Vectors;

/// <summary>
/// The vectors of one document's chunks: unit float32 vectors for exact cosine scores and their int8 codes for the
/// quantised scan. Immutable, so a snapshot can share it with the snapshot that replaces it.
/// </summary>
internal sealed class VectorBlock
{
    private VectorBlock(long[] chunkRowIds, float[] unitVectors, int dimensions, Int8Codes codes)
    {
        ChunkRowIds = chunkRowIds;
        UnitVectors = unitVectors;
        Dimensions = dimensions;
        Codes = codes;
    }

    public long[] ChunkRowIds { get; }

    public float[] UnitVectors { get; }

    public int Dimensions { get; }

    public Int8Codes Codes { get; }

    public int Count => ChunkRowIds.Length;

    /// <summary>One block per document, with the int8 codes of all of them in one array (see <see cref="Int8Codes.QuantizeTogether"/>).</summary>
    /// <param name="documents">Chunk row ids and their unit-length vectors back to back, one per entry of the row ids.</param>
    public static VectorBlock[] CreateMany(IReadOnlyList<(long[] ChunkRowIds, float[] UnitVectors)> documents, int dimensions)
    {
        var codes = Int8Codes.QuantizeTogether(documents.Select(document => document.UnitVectors).ToList(), dimensions);
        return documents.Select((document, index) => new VectorBlock(document.ChunkRowIds, document.UnitVectors, dimensions, codes[index])).ToArray();
    }

    public ReadOnlySpan<float> Vector(int row) => UnitVectors.AsSpan(row * Dimensions, Dimensions);
}
