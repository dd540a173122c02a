using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace RagPlatform.Onnx.TestModels.Tests;

public sealed class EncoderParityTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-4f;

    // Two right-padded sequences (BERT style): the second has two padding positions.
    private static readonly long[][] InputIds = [[2, 17, 301, 45, 999, 3], [2, 88, 640, 3, 0, 0]];
    private static readonly long[][] AttentionMask = [[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0]];
    private static readonly long[][] TokenTypeIds = [[0, 0, 0, 1, 1, 1], [0, 1, 1, 1, 0, 0]];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PaddedBatchMatchesReferenceOnRealTokens(bool externalData)
    {
        var weights = TestModelFactory.CreateEncoderWeights(new EncoderSpec());
        using var directory = new TempDirectory();
        TestModelFactory.WriteEncoderFolder(directory.Path, weights.Spec, externalData);
        if (externalData)
        {
            Assert.True(new FileInfo(directory.File(TestModelFactory.ExternalDataFileName)).Length > new FileInfo(directory.File(TestModelFactory.ModelFileName)).Length);
        }

        using var session = new InferenceSession(directory.File(TestModelFactory.ModelFileName));
        var hiddenStates = RunEncoder(session, InputIds, AttentionMask, TokenTypeIds);

        Assert.Equal([2, 6, weights.Spec.HiddenSize], hiddenStates.Shape);
        var maxDifference = 0f;
        for (var batch = 0; batch < InputIds.Length; batch++)
        {
            var realLength = (int)AttentionMask[batch].Sum();
            var expected = ReferenceTransformer.EncoderLastHiddenState(
                weights, InputIds[batch][..realLength], AttentionMask[batch][..realLength], TokenTypeIds[batch][..realLength]);
            for (var position = 0; position < realLength; position++)
            {
                maxDifference = Math.Max(maxDifference, OrtRunner.MaxAbsDifference(expected[position], hiddenStates.Row(batch, position)));
            }
        }

        output.WriteLine($"encoder (externalData={externalData}) max |ORT - reference| = {maxDifference:E2}");
        Assert.InRange(maxDifference, 0f, Tolerance);
    }

    [Fact]
    public void AttentionMaskChangesTheOutputOfRealTokens()
    {
        var weights = TestModelFactory.CreateEncoderWeights(new EncoderSpec(Layers: 1));
        using var session = new InferenceSession(TestModelFactory.BuildEncoderModel(weights));
        long[][] ids = [[2, 88, 640, 3, 500, 501]];
        long[][] types = [[0, 0, 0, 0, 0, 0]];

        var masked = RunEncoder(session, ids, [[1, 1, 1, 1, 0, 0]], types);
        var unmasked = RunEncoder(session, ids, [[1, 1, 1, 1, 1, 1]], types);

        // Same tokens, so only the mask can explain a difference: the parity test above is not blind to masking.
        Assert.True(OrtRunner.MaxAbsDifference(unmasked.Row(0, 0), masked.Row(0, 0)) > 1e-3f);
    }

    [Fact]
    public void MiniLmShapedEncoderLoadsWithExternalDataAndMatchesReference()
    {
        // Built once from these weights (not through WriteEncoderFolder) so the 22M parameters are generated only once.
        var weights = TestModelFactory.CreateEncoderWeights(EncoderSpec.MiniLmL6);
        using var directory = new TempDirectory();
        var modelPath = directory.File(TestModelFactory.ModelFileName);
        EncoderGraph.Build(weights).Save(modelPath, externalData: true);

        using var session = new InferenceSession(modelPath);
        long[][] ids = [[101, 7592, 2088, 102]];
        var hiddenStates = RunEncoder(session, ids, [[1, 1, 1, 1]], [[0, 0, 0, 0]]);

        Assert.Equal([1, 4, 384], hiddenStates.Shape);
        var expected = ReferenceTransformer.EncoderLastHiddenState(weights, ids[0], [1, 1, 1, 1], [0, 0, 0, 0]);
        var maxDifference = Enumerable.Range(0, 4).Max(position => OrtRunner.MaxAbsDifference(expected[position], hiddenStates.Row(0, position)));
        output.WriteLine($"MiniLM-L6-shaped encoder max |ORT - reference| = {maxDifference:E2}");
        Assert.InRange(maxDifference, 0f, Tolerance);
    }

    private static OutputTensor RunEncoder(InferenceSession session, long[][] ids, long[][] mask, long[][] types)
    {
        using var inputIds = OrtRunner.Int64Tensor(ids);
        using var attentionMask = OrtRunner.Int64Tensor(mask);
        using var tokenTypeIds = OrtRunner.Int64Tensor(types);
        var outputs = OrtRunner.Run(session, new Dictionary<string, OrtValue>
        {
            ["input_ids"] = inputIds,
            ["attention_mask"] = attentionMask,
            ["token_type_ids"] = tokenTypeIds,
        });
        return outputs["last_hidden_state"];
    }
}
