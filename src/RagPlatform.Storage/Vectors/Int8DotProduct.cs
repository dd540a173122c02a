using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RagPlatform.Storage.Vectors;

/// <summary>
/// Dot products of int8 codes, exact in 32-bit integers. Codes are stored in rows of <see cref="Stride"/> bytes
/// (zero-padded), so the kernels never handle a tail. Stored codes are signed; the query also comes as magnitudes
/// because the x86 byte multiplies take one unsigned operand (its signs are moved onto the stored codes).
/// </summary>
internal static class Int8DotProduct
{
    private const int BlockBytes = 32;

    /// <summary>The padded row length for vectors of <paramref name="dimensions"/> components.</summary>
    public static int Stride(int dimensions) => (dimensions + BlockBytes - 1) / BlockBytes * BlockBytes;

    /// <summary>Σ query·row over one padded row, with the fastest kernel the processor has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(Int8Query query, ReadOnlySpan<sbyte> row)
    {
        if (AvxVnni.IsSupported)
        {
            return DotAvxVnni(query, row);
        }

        return Avx2.IsSupported ? DotAvx2(query, row) : DotPortable(query, row);
    }

    /// <summary>One <c>vpdpbusd</c> per 32 components: |q| × (row with q's sign), accumulated in 32 bits.</summary>
    public static int DotAvxVnni(Int8Query query, ReadOnlySpan<sbyte> row)
    {
        ref var magnitudes = ref MemoryMarshal.GetArrayDataReference(query.Magnitudes);
        ref var signs = ref MemoryMarshal.GetArrayDataReference(query.Codes);
        ref var codes = ref MemoryMarshal.GetReference(row);
        var sum = Vector256<int>.Zero;
        for (nuint offset = 0; offset < (nuint)row.Length; offset += BlockBytes)
        {
            var signed = Avx2.Sign(Vector256.LoadUnsafe(ref codes, offset), Vector256.LoadUnsafe(ref signs, offset));
            sum = AvxVnni.MultiplyWideningAndAdd(sum, Vector256.LoadUnsafe(ref magnitudes, offset), signed);
        }

        return Vector256.Sum(sum);
    }

    /// <summary>
    /// <c>vpmaddubsw</c> then <c>vpmaddwd</c>: the 16-bit pair sums cannot saturate because codes stay within ±127
    /// (2 × 127 × 127 &lt; 32767).
    /// </summary>
    public static int DotAvx2(Int8Query query, ReadOnlySpan<sbyte> row)
    {
        ref var magnitudes = ref MemoryMarshal.GetArrayDataReference(query.Magnitudes);
        ref var signs = ref MemoryMarshal.GetArrayDataReference(query.Codes);
        ref var codes = ref MemoryMarshal.GetReference(row);
        var sum = Vector256<int>.Zero;
        for (nuint offset = 0; offset < (nuint)row.Length; offset += BlockBytes)
        {
            var signed = Avx2.Sign(Vector256.LoadUnsafe(ref codes, offset), Vector256.LoadUnsafe(ref signs, offset));
            var pairSums = Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref magnitudes, offset), signed);
            sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(pairSums, Vector256<short>.One));
        }

        return Vector256.Sum(sum);
    }

    /// <summary>Widening multiply-add on 128-bit vectors, for processors without the x86 byte instructions (e.g. Arm).</summary>
    public static int DotPortable(Int8Query query, ReadOnlySpan<sbyte> row)
    {
        const int Lanes = 16;
        ref var signs = ref MemoryMarshal.GetArrayDataReference(query.Codes);
        ref var codes = ref MemoryMarshal.GetReference(row);
        var sum = Vector128<int>.Zero;
        for (nuint offset = 0; offset < (nuint)row.Length; offset += Lanes)
        {
            var (rowLow, rowHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref codes, offset));
            var (queryLow, queryHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref signs, offset));
            // Each 16-bit product is at most 127 × 127, so it fits before widening to 32 bits for the sum.
            var (low1, low2) = Vector128.Widen(rowLow * queryLow);
            var (high1, high2) = Vector128.Widen(rowHigh * queryHigh);
            sum += low1 + low2 + high1 + high2;
        }

        return Vector128.Sum(sum);
    }
}
