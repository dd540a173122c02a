using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace RagPlatform.Onnx.TestModels.Tests;

/// <summary>The outputs of one decoder call; its presents are the next call's past.</summary>
internal sealed record DecoderStep(OutputTensor Logits, IReadOnlyList<OutputTensor> PresentKeys, IReadOnlyList<OutputTensor> PresentValues);

/// <summary>Feeds the decoder-with-past graph by its Optimum input names.</summary>
internal static class DecoderRunner
{
    public static DecoderStep Run(InferenceSession session, DecoderSpec spec, long[][] inputIds, long[][] attentionMask, long[][] positionIds, DecoderStep? past)
    {
        var owned = new List<OrtValue>();
        try
        {
            OrtValue Track(OrtValue value)
            {
                owned.Add(value);
                return value;
            }

            var inputs = new Dictionary<string, OrtValue>
            {
                ["input_ids"] = Track(OrtRunner.Int64Tensor(inputIds)),
                ["attention_mask"] = Track(OrtRunner.Int64Tensor(attentionMask)),
                ["position_ids"] = Track(OrtRunner.Int64Tensor(positionIds)),
            };
            long[] emptyPastShape = [inputIds.Length, spec.KvHeads, 0, spec.HeadDim];
            for (var layer = 0; layer < spec.Layers; layer++)
            {
                inputs[Name("past_key_values.{0}.key", layer)] = Track(past is null
                    ? OrtValue.CreateTensorValueFromMemory(Array.Empty<float>(), emptyPastShape)
                    : OrtValue.CreateTensorValueFromMemory(past.PresentKeys[layer].Data, past.PresentKeys[layer].Shape));
                inputs[Name("past_key_values.{0}.value", layer)] = Track(past is null
                    ? OrtValue.CreateTensorValueFromMemory(Array.Empty<float>(), emptyPastShape)
                    : OrtValue.CreateTensorValueFromMemory(past.PresentValues[layer].Data, past.PresentValues[layer].Shape));
            }

            var outputs = OrtRunner.Run(session, inputs);
            var layers = Enumerable.Range(0, spec.Layers).ToArray();
            return new DecoderStep(
                outputs["logits"],
                layers.Select(layer => outputs[Name("present.{0}.key", layer)]).ToArray(),
                layers.Select(layer => outputs[Name("present.{0}.value", layer)]).ToArray());
        }
        finally
        {
            owned.ForEach(value => value.Dispose());
        }
    }

    /// <summary>Positions as HF generate() derives them: cumsum(mask) − 1, with padding positions set to 1.</summary>
    public static long[][] PositionsFromMask(long[][] attentionMask) =>
        attentionMask.Select(row =>
        {
            long seen = 0;
            return row.Select(mask => mask == 0 ? 1 : seen++).ToArray();
        }).ToArray();

    private static string Name(string format, int layer) => string.Format(CultureInfo.InvariantCulture, format, layer);
}
