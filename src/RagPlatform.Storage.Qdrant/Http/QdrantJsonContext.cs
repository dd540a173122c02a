using System.Text.Json.Serialization;

namespace RagPlatform.Storage.Qdrant.Http;

/// <summary>Source-generated (reflection-free, trimming-safe) JSON for every body the store sends or reads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateCollectionRequest))]
[JsonSerializable(typeof(CreateDenseVectorRequest))]
[JsonSerializable(typeof(CreateFieldIndexRequest))]
[JsonSerializable(typeof(PointsList<ChunkPayload>))]
[JsonSerializable(typeof(PointsList<DocumentPayload>))]
[JsonSerializable(typeof(PointsList<EmbeddingSignaturePayload>))]
[JsonSerializable(typeof(PointsSelector))]
[JsonSerializable(typeof(QueryRequest))]
[JsonSerializable(typeof(ScrollRequest))]
[JsonSerializable(typeof(CountRequest))]
[JsonSerializable(typeof(PointRequest))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(QdrantResponse<bool>))]
[JsonSerializable(typeof(QdrantResponse<UpdateResult>))]
[JsonSerializable(typeof(QdrantResponse<CollectionInfo>))]
[JsonSerializable(typeof(QdrantResponse<QueryResult>))]
[JsonSerializable(typeof(QdrantResponse<ScrollResult<ChunkPayload>>))]
[JsonSerializable(typeof(QdrantResponse<ScrollResult<DocumentPayload>>))]
[JsonSerializable(typeof(QdrantResponse<CountResult>))]
[JsonSerializable(typeof(QdrantResponse<IReadOnlyList<PointRecord<DocumentPayload>>>))]
[JsonSerializable(typeof(QdrantResponse<IReadOnlyList<PointRecord<DocumentTextPayload>>>))]
[JsonSerializable(typeof(QdrantResponse<IReadOnlyList<PointRecord<EmbeddingSignaturePayload>>>))]
internal sealed partial class QdrantJsonContext : JsonSerializerContext;
