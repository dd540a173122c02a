using System.Text.Json;

namespace RagPlatform.Storage.Qdrant.Http;

// Response bodies of Qdrant's REST API (OpenAPI spec v1.19). Members the store never reads are not declared.

/// <summary>The envelope of every successful answer: <c>{"result": …, "status": "ok", "time": …}</c>.</summary>
internal sealed record QdrantResponse<TResult>(TResult? Result);

/// <summary>Schema ErrorResponse: <c>{"status": {"error": "…"}, "time": …}</c>.</summary>
internal sealed record ErrorResponse(ErrorStatus? Status);

internal sealed record ErrorStatus(string? Error);

/// <summary>Schema UpdateResult; <see cref="Status"/> is "acknowledged", "completed" or "wait_timeout".</summary>
internal sealed record UpdateResult(ulong? OperationId, string? Status)
{
    public const string Completed = "completed";
}

/// <summary>Schema CollectionInfo (GET /collections/{name}); <see cref="PayloadSchema"/> is keyed by indexed payload field.</summary>
internal sealed record CollectionInfo(CollectionConfig? Config, IReadOnlyDictionary<string, JsonElement>? PayloadSchema);

/// <summary>Schema CollectionConfig.</summary>
internal sealed record CollectionConfig(CollectionParams? Params);

/// <summary>Schema CollectionParams; <see cref="Vectors"/> is a VectorsConfig, either one VectorParams or a map of them.</summary>
internal sealed record CollectionParams(JsonElement? Vectors, IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors);

/// <summary>Schema QueryResponse.</summary>
internal sealed record QueryResult(IReadOnlyList<ScoredPoint<ChunkPayload>> Points);

/// <summary>Schema ScoredPoint.</summary>
internal sealed record ScoredPoint<TPayload>(double Score, TPayload? Payload);

/// <summary>Schema ScrollResult; <see cref="NextPageOffset"/> is null on the last page.</summary>
internal sealed record ScrollResult<TPayload>(IReadOnlyList<PointRecord<TPayload>> Points, JsonElement? NextPageOffset);

/// <summary>Schema Record.</summary>
internal sealed record PointRecord<TPayload>(TPayload? Payload);

/// <summary>Schema CountResult.</summary>
internal sealed record CountResult(long Count);
