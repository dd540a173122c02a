using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPlatform.Api.OpenAI;

/// <summary>An embedding vector as OpenAI sends it: a JSON array of numbers, or base64 of little-endian float32s.</summary>
[JsonConverter(typeof(EncodedEmbeddingJsonConverter))]
internal readonly record struct EncodedEmbedding(ReadOnlyMemory<float> Vector, bool AsBase64)
{
    public string ToBase64()
    {
        var bytes = new byte[Vector.Length * sizeof(float)];
        var values = Vector.Span;
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    public static EncodedEmbedding FromBase64(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new FormatException($"A base64 embedding must encode whole float32 values; got {bytes.Length} bytes.");
        }

        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return new EncodedEmbedding(values, AsBase64: true);
    }
}

internal sealed class EncodedEmbeddingJsonConverter : JsonConverter<EncodedEmbedding>
{
    public override EncodedEmbedding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            try
            {
                return EncodedEmbedding.FromBase64(reader.GetString()!);
            }
            catch (FormatException e)
            {
                throw new JsonException(e.Message, e);
            }
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("An embedding must be an array of numbers or a base64 string.");
        }

        var values = new List<float>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetSingle());
        }

        return new EncodedEmbedding(values.ToArray(), AsBase64: false);
    }

    public override void Write(Utf8JsonWriter writer, EncodedEmbedding value, JsonSerializerOptions options)
    {
        if (value.AsBase64)
        {
            writer.WriteStringValue(value.ToBase64());
            return;
        }

        writer.WriteStartArray();
        foreach (var component in value.Vector.Span)
        {
            writer.WriteNumberValue(component);
        }

        writer.WriteEndArray();
    }
}
