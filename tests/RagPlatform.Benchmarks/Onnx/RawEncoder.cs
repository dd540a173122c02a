using Microsoft.ML.OnnxRuntime;

namespace RagPlatform.Benchmarks.Onnx;

/// <summary>
/// The baseline for the embedding runtime: a bare InferenceSession with the runtime's session settings, fed padded
/// batches that are built once up front, so a run is nothing but InferenceSession.Run.
/// </summary>
internal sealed class RawEncoder : IDisposable
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly List<OrtValue[]> _batches = [];

    public RawEncoder(string modelPath, IReadOnlyList<long[]> tokenIds, int batchSize, long padTokenId)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(modelPath, options);
        for (var start = 0; start < tokenIds.Count; start += batchSize)
        {
            _batches.Add(PadBatch(tokenIds.Skip(start).Take(batchSize).ToArray(), padTokenId));
        }
    }

    public void RunAll()
    {
        foreach (var inputs in _batches)
        {
            using var outputs = _session.Run(_runOptions, InputNames, inputs, OutputNames);
        }
    }

    public void Dispose()
    {
        foreach (var value in _batches.SelectMany(inputs => inputs))
        {
            value.Dispose();
        }

        _runOptions.Dispose();
        _session.Dispose();
    }

    /// <summary>Right-padded to the longest row, as the runtime pads: pad ids, mask 0, token types 0.</summary>
    private static OrtValue[] PadBatch(long[][] rows, long padTokenId)
    {
        var length = rows.Max(row => row.Length);
        var ids = new long[rows.Length * length];
        var mask = new long[rows.Length * length];
        var types = new long[rows.Length * length];
        Array.Fill(ids, padTokenId);
        for (var row = 0; row < rows.Length; row++)
        {
            rows[row].CopyTo(ids, row * length);
            mask.AsSpan(row * length, rows[row].Length).Fill(1);
        }

        long[] shape = [rows.Length, length];
        return [OrtValue.CreateTensorValueFromMemory(ids, shape), OrtValue.CreateTensorValueFromMemory(mask, shape), OrtValue.CreateTensorValueFromMemory(types, shape)];
    }
}
