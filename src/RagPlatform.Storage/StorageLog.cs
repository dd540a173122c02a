using Microsoft.Extensions.Logging;

namespace RagPlatform.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Opened index {DatabasePath} (schema version {SchemaVersion})")]
    public static partial void Opened(ILogger logger, string databasePath, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {SourcePath}: {ChunkCount} chunks, vectors: {HasVectors}")]
    public static partial void DocumentStored(ILogger logger, string sourcePath, int chunkCount, bool hasVectors);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed document {DocumentId}")]
    public static partial void DocumentRemoved(ILogger logger, string documentId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "In-memory vectors: {VectorCount} of {Dimensions} dimensions, content version {ContentVersion}")]
    public static partial void VectorsLoaded(ILogger logger, int vectorCount, int dimensions, long contentVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding signature set to {ModelId} ({Dimensions} dimensions)")]
    public static partial void SignatureSet(ILogger logger, string modelId, int dimensions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared all stored vectors and the embedding signature")]
    public static partial void VectorsCleared(ILogger logger);
}
