using System.Numerics.Tensors;

namespace RagPlatform.Storage.Vectors;

/// <summary>
/// Vectors quantised to int8 with one scale per vector (code = round(component × 127 / max |component|)), in rows of
/// <see cref="Int8DotProduct.Stride"/> bytes. A quarter of the float32 size, and the score code·code × scale ranks
/// unit vectors almost exactly as their cosine does.
/// </summary>
internal sealed class Int8Codes
{
    private const float MaxCode = 127f;

    private readonly sbyte[] _codes;
    private readonly float[] _scales;

    /// <param name="vectors"><paramref name="dimensions"/>-component vectors back to back.</param>
    public Int8Codes(ReadOnlySpan<float> vectors, int dimensions)
    {
        Stride = Int8DotProduct.Stride(dimensions);
        var count = vectors.Length / dimensions;
        _codes = new sbyte[count * Stride];
        _scales = new float[count];
        var scaled = new float[dimensions];
        for (var row = 0; row < count; row++)
        {
            _scales[row] = Quantize(vectors.Slice(row * dimensions, dimensions), scaled, _codes.AsSpan(row * Stride, dimensions));
        }
    }

    public int Stride { get; }

    /// <summary>The vector's score against <paramref name="query"/>, proportional to their dot product (up to rounding).</summary>
    public float Score(Int8Query query, int row) =>
        Int8DotProduct.Dot(query, _codes.AsSpan(row * Stride, Stride)) * _scales[row];

    /// <returns>The scale that turns the codes back into the vector.</returns>
    public static float Quantize(ReadOnlySpan<float> vector, Span<float> scratch, Span<sbyte> codes)
    {
        var largest = MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        if (largest == 0)
        {
            codes.Clear();
            return 0;
        }

        TensorPrimitives.Multiply(vector, MaxCode / largest, scratch);
        TensorPrimitives.Round(scratch, scratch);
        TensorPrimitives.ConvertTruncating<float, sbyte>(scratch, codes);
        return largest / MaxCode;
    }
}

/// <summary>A query quantised like <see cref="Int8Codes"/>, padded to the same stride, with its magnitudes split out.</summary>
internal sealed class Int8Query
{
    public Int8Query(ReadOnlySpan<float> vector)
    {
        var stride = Int8DotProduct.Stride(vector.Length);
        Codes = new sbyte[stride];
        Magnitudes = new byte[stride];
        Int8Codes.Quantize(vector, new float[vector.Length], Codes.AsSpan(0, vector.Length));
        for (var i = 0; i < vector.Length; i++)
        {
            Magnitudes[i] = (byte)Math.Abs(Codes[i]);
        }
    }

    public sbyte[] Codes { get; }

    public byte[] Magnitudes { get; }
}
