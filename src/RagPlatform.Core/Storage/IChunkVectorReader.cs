namespace RagPlatform.Core.Storage;

/// <summary>
/// Optional capability of a chunk store that keeps chunk vectors: reading them back, e.g. to re-rank retrieved
/// chunks for diversity without embedding them again.
/// </summary>
public interface IChunkVectorReader
{
    /// <returns>The stored vector of each requested chunk that has one; chunks without a vector are left out.</returns>
    Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetChunkVectorsAsync(
        IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken = default);
}
