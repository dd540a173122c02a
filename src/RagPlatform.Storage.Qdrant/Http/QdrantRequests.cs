using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPlatform.Storage.Qdrant.Http;

// Request bodies of Qdrant's REST API (OpenAPI spec v1.19); each record names the schema it follows.
// Null members are left out of the JSON, so one record can express the spec's alternative shapes.

/// <summary>Names of the chunk collection's vectors.</summary>
internal static class VectorNames
{
    public const string Dense = "dense";
    public const string Keywords = "bm25";
}

/// <summary>Schema CreateCollection (PUT /collections/{name}): named dense vectors and named sparse vectors.</summary>
internal sealed record CreateCollectionRequest(
    IReadOnlyDictionary<string, DenseVectorParams> Vectors,
    IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors);

/// <summary>Schema VectorParams (and DenseVectorConfig): size and distance ("Cosine").</summary>
internal sealed record DenseVectorParams(int Size, string Distance);

/// <summary>Schema SparseVectorParams: modifier "idf" makes Qdrant weight query terms by inverse document frequency.</summary>
internal sealed record SparseVectorParams(string? Modifier);

/// <summary>Schema DenseVectorNameConfig (PUT /collections/{name}/vectors/{vector_name}).</summary>
internal sealed record CreateDenseVectorRequest(DenseVectorParams Dense);

/// <summary>Schema CreateFieldIndex (PUT /collections/{name}/index) with a PayloadSchemaType such as "keyword".</summary>
internal sealed record CreateFieldIndexRequest(string FieldName, string FieldSchema);

/// <summary>Schema SparseVector: unique indices and their weights, same length.</summary>
internal sealed record SparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>Schema VectorStruct in its named form; a point without dense vectors sends only the sparse one.</summary>
internal sealed record PointVectors(
    [property: JsonPropertyName(VectorNames.Dense)] ReadOnlyMemory<float>? Dense,
    [property: JsonPropertyName(VectorNames.Keywords)] SparseVector? Keywords)
{
    public static readonly PointVectors None = new(null, null);
}

/// <summary>Schema PointStruct.</summary>
internal sealed record PointStruct<TPayload>(string Id, PointVectors Vector, TPayload Payload);

/// <summary>Schema PointsList (PUT /collections/{name}/points).</summary>
internal sealed record PointsList<TPayload>(IReadOnlyList<PointStruct<TPayload>> Points);

/// <summary>Schema PointsSelector: FilterSelector when <see cref="Filter"/> is set, PointIdsList when <see cref="Points"/> is.</summary>
internal sealed record PointsSelector(Filter? Filter = null, IReadOnlyList<string>? Points = null);

/// <summary>Schema Filter.</summary>
internal sealed record Filter(IReadOnlyList<Condition>? Must = null, IReadOnlyList<Condition>? MustNot = null);

/// <summary>Schema Condition: a FieldCondition (key + match) or a HasIdCondition.</summary>
internal sealed record Condition(string? Key = null, Match? Match = null, IReadOnlyList<string>? HasId = null)
{
    public static Condition FieldEquals(string key, string value) => new(key, new Match(Value: value));

    public static Condition FieldIn(string key, IReadOnlyCollection<string> values) => new(key, new Match(Any: values));

    public static Condition HasIds(IReadOnlyList<string> ids) => new(HasId: ids);
}

/// <summary>Schema Match: MatchValue ("value") or MatchAny ("any").</summary>
internal sealed record Match(string? Value = null, IReadOnlyCollection<string>? Any = null);

/// <summary>Schema QueryRequest (POST /collections/{name}/points/query).</summary>
internal sealed record QueryRequest
{
    public IReadOnlyList<Prefetch>? Prefetch { get; init; }

    public required QueryExpression Query { get; init; }

    public string? Using { get; init; }

    public Filter? Filter { get; init; }

    public required int Limit { get; init; }

    public PayloadSelection? WithPayload { get; init; }
}

/// <summary>Schema Prefetch: one candidate list for fusion.</summary>
internal sealed record Prefetch(QueryExpression Query, string Using, Filter? Filter, int Limit);

/// <summary>Schema Query: NearestQuery ("nearest") or FusionQuery ("fusion": "rrf").</summary>
internal sealed record QueryExpression(VectorInput? Nearest = null, string? Fusion = null)
{
    public static QueryExpression NearestTo(VectorInput vector) => new(Nearest: vector);

    public static QueryExpression ReciprocalRankFusion { get; } = new(Fusion: "rrf");
}

/// <summary>Schema ScrollRequest (POST /collections/{name}/points/scroll).</summary>
internal sealed record ScrollRequest(Filter? Filter, int Limit, PayloadSelection WithPayload, bool WithVector, JsonElement? Offset);

/// <summary>Schema CountRequest (POST /collections/{name}/points/count).</summary>
internal sealed record CountRequest(Filter? Filter, bool Exact);

/// <summary>Schema PointRequest (POST /collections/{name}/points): points by id.</summary>
internal sealed record PointRequest(IReadOnlyList<string> Ids, PayloadSelection WithPayload, bool WithVector);
