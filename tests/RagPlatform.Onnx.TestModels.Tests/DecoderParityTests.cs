using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace RagPlatform.Onnx.TestModels.Tests;

public sealed class DecoderParityTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-4f;
    private static readonly long[] Tokens = [5, 77, 300, 12, 499, 2, 64, 128, 9];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FullSequenceLogitsMatchReference(bool externalData)
    {
        var weights = TestModelFactory.CreateDecoderWeights(new DecoderSpec());
        using var directory = new TempDirectory();
        TestModelFactory.WriteDecoderFolder(directory.Path, weights.Spec, TestTokenizerKind.ByteLevelBpe, externalData);
        using var session = new InferenceSession(directory.File(TestModelFactory.ModelFileName));

        var step = DecoderRunner.Run(session, weights.Spec, [Tokens], [Ones(Tokens.Length)], [Range(0, Tokens.Length)], past: null);

        Assert.Equal([1, Tokens.Length, weights.Spec.VocabSize], step.Logits.Shape);
        Assert.Equal([1, weights.Spec.KvHeads, Tokens.Length, weights.Spec.HeadDim], step.PresentKeys[0].Shape);
        var maxDifference = MaxDifference(ReferenceTransformer.DecoderLogits(weights, Tokens), step.Logits, batch: 0, firstPosition: 0);
        output.WriteLine($"decoder full sequence (externalData={externalData}) max |ORT - reference| = {maxDifference:E2}");
        Assert.InRange(maxDifference, 0f, Tolerance);
    }

    [Theory]
    [InlineData(4, 2, 10000f)]
    [InlineData(4, 1, 10000f)]
    [InlineData(4, 4, 10000f)]
    [InlineData(8, 2, 1000000f)]
    public void IncrementalDecodingWithKvCacheMatchesFullRecomputation(int heads, int kvHeads, float ropeTheta)
    {
        var spec = new DecoderSpec(Heads: heads, KvHeads: kvHeads, RopeTheta: ropeTheta, Seed: 7);
        var weights = TestModelFactory.CreateDecoderWeights(spec);
        using var session = new InferenceSession(TestModelFactory.BuildDecoderModel(weights));
        var expected = ReferenceTransformer.DecoderLogits(weights, Tokens);
        const int prefill = 4;

        var step = DecoderRunner.Run(session, spec, [Tokens[..prefill]], [Ones(prefill)], [Range(0, prefill)], past: null);
        var maxDifference = MaxDifference(expected, step.Logits, batch: 0, firstPosition: 0);
        for (var position = prefill; position < Tokens.Length; position++)
        {
            step = DecoderRunner.Run(session, spec, [[Tokens[position]]], [Ones(position + 1)], [[position]], step);
            Assert.Equal([1, kvHeads, position + 1, spec.HeadDim], step.PresentValues[^1].Shape);
            maxDifference = Math.Max(maxDifference, MaxDifference(expected, step.Logits, batch: 0, firstPosition: position));
        }

        output.WriteLine($"decoder heads={heads} kvHeads={kvHeads} theta={ropeTheta}: prefill + cached steps max |ORT - reference| = {maxDifference:E2}");
        Assert.InRange(maxDifference, 0f, Tolerance);
    }

    [Fact]
    public void LeftPaddedBatchGivesTheLogitsOfEachSequenceAlone()
    {
        var weights = TestModelFactory.CreateDecoderWeights(new DecoderSpec());
        using var session = new InferenceSession(TestModelFactory.BuildDecoderModel(weights));
        long[] longer = Tokens[..6];
        long[] shorter = [40, 41, 42];
        const long padding = 0;
        long[][] mask = [Ones(6), [0, 0, 0, 1, 1, 1]];

        var prefill = DecoderRunner.Run(
            session, weights.Spec, [longer, [padding, padding, padding, .. shorter]], mask, DecoderRunner.PositionsFromMask(mask), past: null);
        long[] next = [99, 100];
        long[][] nextMask = [.. mask.Select(row => (long[])[.. row, 1])];
        var decoded = DecoderRunner.Run(session, weights.Spec, [[next[0]], [next[1]]], nextMask, [[6], [3]], prefill);

        var maxDifference = new[]
        {
            MaxDifference(ReferenceTransformer.DecoderLogits(weights, longer), prefill.Logits, batch: 0, firstPosition: 0),
            MaxDifference(ReferenceTransformer.DecoderLogits(weights, shorter), prefill.Logits, batch: 1, firstPosition: 0, rowOffset: 3),
            MaxDifference(ReferenceTransformer.DecoderLogits(weights, [.. longer, next[0]]), decoded.Logits, batch: 0, firstPosition: 6),
            MaxDifference(ReferenceTransformer.DecoderLogits(weights, [.. shorter, next[1]]), decoded.Logits, batch: 1, firstPosition: 3),
        }.Max();
        output.WriteLine($"decoder left-padded batch max |ORT - reference| = {maxDifference:E2}");
        Assert.InRange(maxDifference, 0f, Tolerance);
    }

    [Fact]
    public void RotaryEmbeddingDependsOnRelativePositionsOnly()
    {
        var weights = TestModelFactory.CreateDecoderWeights(new DecoderSpec(Layers: 1));
        using var session = new InferenceSession(TestModelFactory.BuildDecoderModel(weights));
        long[] tokens = Tokens[..3];

        var atStart = DecoderRunner.Run(session, weights.Spec, [tokens], [Ones(3)], [[0, 1, 2]], past: null);
        var shifted = DecoderRunner.Run(session, weights.Spec, [tokens], [Ones(3)], [[5, 6, 7]], past: null);
        var gapped = DecoderRunner.Run(session, weights.Spec, [tokens], [Ones(3)], [[0, 1, 7]], past: null);

        // A uniform shift rotates every query and key alike: scores, hence logits, stay; the cached keys do not.
        Assert.InRange(OrtRunner.MaxAbsDifference(atStart.Logits.Data, shifted.Logits.Data), 0f, Tolerance);
        Assert.True(OrtRunner.MaxAbsDifference(atStart.PresentKeys[0].Data, shifted.PresentKeys[0].Data) > 1e-2f);
        // Moving only the last token changes its distance to the others, so its logits move.
        Assert.True(OrtRunner.MaxAbsDifference(atStart.Logits.Row(0, 2), gapped.Logits.Row(0, 2)) > 1e-3f);
    }

    private static float MaxDifference(float[][] expected, OutputTensor logits, int batch, int firstPosition, int rowOffset = 0)
    {
        var rows = (int)logits.Shape[1] - rowOffset;
        return Enumerable.Range(0, rows)
            .Max(row => OrtRunner.MaxAbsDifference(expected[firstPosition + row], logits.Row(batch, rowOffset + row)));
    }

    private static long[] Ones(int count) => Enumerable.Repeat(1L, count).ToArray();

    private static long[] Range(int start, int count) => Enumerable.Range(start, count).Select(i => (long)i).ToArray();
}
