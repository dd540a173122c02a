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

    private readonly ArraySegment<sbyte> _codes;
    private readonly ArraySegment<float> _scales;

    private Int8Codes(ArraySegment<sbyte> codes, ArraySegment<float> scales, int stride)
    {
        _codes = codes;
        _scales = scales;
        Stride = stride;
    }

    public int Stride { get; }

    /// <summary>
    /// Quantises each group of vectors (<paramref name="dimensions"/> components back to back) into one shared array,
    /// so that a scan over all the groups streams through contiguous memory instead of jumping between small arrays.
    /// </summary>
    public static Int8Codes[] QuantizeTogether(IReadOnlyList<float[]> groups, int dimensions)
    {
        var stride = Int8DotProduct.Stride(dimensions);
        var counts = groups.Select(group => group.Length / dimensions).ToArray();
        var allCodes = new sbyte[counts.Sum() * stride];
        var allScales = new float[counts.Sum()];
        var scratch = new float[dimensions];
        var result = new Int8Codes[groups.Count];
        var first = 0;
        for (var group = 0; group < groups.Count; group++)
        {
            var codes = new ArraySegment<sbyte>(allCodes, first * stride, counts[group] * stride);
            var scales = new ArraySegment<float>(allScales, first, counts[group]);
            for (var row = 0; row < counts[group]; row++)
            {
                scales[row] = Quantize(groups[group].AsSpan(row * dimensions, dimensions), scratch, codes.AsSpan(row * stride, dimensions));
            }

            result[group] = new Int8Codes(codes, scales, stride);
            first += counts[group];
        }

        return result;
    }

    /// <summary>
    /// Writes each vector's score against <paramref name="query"/> to <paramref name="scores"/> (one per vector);
    /// scores are proportional to the dot products, up to rounding.
    /// </summary>
    public void Score(Int8Query query, Span<float> scores)
    {
        ReadOnlySpan<sbyte> codes = _codes;
        for (var row = 0; row < scores.Length; row++)
        {
            scores[row] = Int8DotProduct.Dot(query, codes.Slice(row * Stride, Stride));
        }

        TensorPrimitives.Multiply(scores, _scales, scores);
    }

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
