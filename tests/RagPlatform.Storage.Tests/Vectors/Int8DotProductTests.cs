using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;
using RagPlatform.Storage.Tests.Support;
using RagPlatform.Storage.Vectors;

namespace RagPlatform.Storage.Tests.Vectors;

public sealed class Int8DotProductTests
{
    [Theory]
    [InlineData(24)]
    [InlineData(100)]
    [InlineData(384)]
    public void EveryKernelThisProcessorRunsMatchesTheScalarSum(int dimensions)
    {
        var random = new Random(dimensions);
        var query = new Int8Query(UnitVectors.Uniform(random, 1, dimensions)[0]);
        var row = new sbyte[Int8DotProduct.Stride(dimensions)];
        for (var i = 0; i < dimensions; i++)
        {
            row[i] = (sbyte)random.Next(-127, 128);
        }

        row[0] = 127;
        row[dimensions - 1] = -127;
        var expected = query.Codes.Zip(row).Sum(pair => pair.First * pair.Second);

        Assert.Equal(expected, Int8DotProduct.DotPortable(query, row));
        Assert.Equal(expected, Int8DotProduct.Dot(query, row));
        if (Avx2.IsSupported)
        {
            Assert.Equal(expected, Int8DotProduct.DotAvx2(query, row));
        }

        if (AvxVnni.IsSupported)
        {
            Assert.Equal(expected, Int8DotProduct.DotAvxVnni(query, row));
        }
    }

    [Fact]
    public void CodesScoreProportionallyToTheCosine()
    {
        const int Dimensions = 384;
        var random = new Random(7);
        var vectors = UnitVectors.Uniform(random, 50, Dimensions);
        var codes = Int8Codes.QuantizeTogether([vectors.SelectMany(vector => vector).ToArray()], Dimensions)[0];
        var queryVector = UnitVectors.Uniform(random, 1, Dimensions)[0];
        var query = new Int8Query(queryVector);
        // The score is the dot product times 127 / max |query component|.
        var queryScale = 127f / queryVector.Max(MathF.Abs);

        var scores = new float[vectors.Length];
        codes.Score(query, scores);

        for (var row = 0; row < vectors.Length; row++)
        {
            Assert.Equal(TensorPrimitives.Dot(queryVector, vectors[row]), scores[row] / queryScale, tolerance: 0.003);
        }
    }
}
