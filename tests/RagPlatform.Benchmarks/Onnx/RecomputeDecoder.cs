using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace RagPlatform.Benchmarks.Onnx;

/// <summary>
/// The baseline for cached decoding: greedy generation that feeds the whole sequence every step with an empty
/// key/value cache, so each new token recomputes attention and projections for all tokens before it.
/// </summary>
internal sealed class RecomputeDecoder : IDisposable
{
    private const string PastPrefix = "past_key_values.";

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly OrtValue[] _emptyPast;

    public RecomputeDecoder(string modelPath)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(modelPath, options);
        var pastInputs = _session.InputMetadata.Where(input => input.Key.StartsWith(PastPrefix, StringComparison.Ordinal)).ToArray();
        _emptyPast = pastInputs
            .Select(input => OrtValue.CreateAllocatedTensorValue(
                OrtAllocator.DefaultInstance, TensorElementType.Float, [1, input.Value.Dimensions[1], 0, input.Value.Dimensions[3]]))
            .ToArray();
        _inputNames = ["input_ids", "attention_mask", "position_ids", .. pastInputs.Select(input => input.Key)];
        var unknown = _session.InputMetadata.Keys.Except(_inputNames).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException($"{modelPath}: the recompute baseline does not know how to feed {string.Join(", ", unknown)}.");
        }
    }

    /// <returns>The generated token ids.</returns>
    public int[] Generate(IReadOnlyList<long> prompt, int newTokens)
    {
        var sequence = new List<long>(prompt.Count + newTokens);
        sequence.AddRange(prompt);
        var generated = new int[newTokens];
        for (var step = 0; step < newTokens; step++)
        {
            var length = sequence.Count;
            var ids = sequence.ToArray();
            var mask = new long[length];
            Array.Fill(mask, 1L);
            var positions = new long[length];
            for (var i = 0; i < length; i++)
            {
                positions[i] = i;
            }

            long[] shape = [1, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var positionsValue = OrtValue.CreateTensorValueFromMemory(positions, shape);
            using var outputs = _session.Run(_runOptions, _inputNames, [idsValue, maskValue, positionsValue, .. _emptyPast], ["logits"]);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            var vocabulary = logits.Length / length;
            generated[step] = TensorPrimitives.IndexOfMax(logits[^vocabulary..]);
            sequence.Add(generated[step]);
        }

        return generated;
    }

    public void Dispose()
    {
        foreach (var value in _emptyPast)
        {
            value.Dispose();
        }

        _runOptions.Dispose();
        _session.Dispose();
    }
}
