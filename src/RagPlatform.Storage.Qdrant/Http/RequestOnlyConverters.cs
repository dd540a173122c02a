using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPlatform.Storage.Qdrant.Http;

/// <summary>
/// Schema VectorInput: a dense query is a bare array of floats, a sparse one a SparseVector object — two JSON
/// shapes that one property must carry.
/// </summary>
[JsonConverter(typeof(VectorInputConverter))]
internal sealed class VectorInput
{
    private VectorInput(ReadOnlyMemory<float> dense, SparseVector? sparse)
    {
        DenseValues = dense;
        SparseValues = sparse;
    }

    public ReadOnlyMemory<float> DenseValues { get; }

    public SparseVector? SparseValues { get; }

    public static VectorInput Dense(ReadOnlyMemory<float> vector) => new(vector, null);

    public static VectorInput Sparse(SparseVector vector) => new(ReadOnlyMemory<float>.Empty, vector);
}

/// <summary>Schema WithPayloadInterface: <c>true</c>, or a PayloadSelector with "include" or "exclude" keys.</summary>
[JsonConverter(typeof(PayloadSelectionConverter))]
internal sealed class PayloadSelection
{
    private PayloadSelection(IReadOnlyList<string>? include, IReadOnlyList<string>? exclude)
    {
        Include = include;
        Exclude = exclude;
    }

    public static PayloadSelection All { get; } = new(null, null);

    public IReadOnlyList<string>? Include { get; }

    public IReadOnlyList<string>? Exclude { get; }

    public static PayloadSelection Only(params string[] fields) => new(fields, null);

    public static PayloadSelection AllExcept(params string[] fields) => new(null, fields);
}

/// <summary>Base for converters of types the store only sends: reading them back is a programming error.</summary>
internal abstract class RequestOnlyConverter<T> : JsonConverter<T>
{
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is part of Qdrant requests only and is never deserialized.");
}

internal sealed class VectorInputConverter : RequestOnlyConverter<VectorInput>
{
    public override void Write(Utf8JsonWriter writer, VectorInput value, JsonSerializerOptions options)
    {
        if (value.SparseValues is { } sparse)
        {
            JsonSerializer.Serialize(writer, sparse, QdrantJsonContext.Default.SparseVector);
            return;
        }

        writer.WriteStartArray();
        foreach (var component in value.DenseValues.Span)
        {
            writer.WriteNumberValue(component);
        }

        writer.WriteEndArray();
    }
}

internal sealed class PayloadSelectionConverter : RequestOnlyConverter<PayloadSelection>
{
    public override void Write(Utf8JsonWriter writer, PayloadSelection value, JsonSerializerOptions options)
    {
        if (value.Include is null && value.Exclude is null)
        {
            writer.WriteBooleanValue(true);
            return;
        }

        writer.WriteStartObject();
        writer.WriteStartArray(value.Include is null ? "exclude" : "include");
        foreach (var field in value.Include ?? value.Exclude!)
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
