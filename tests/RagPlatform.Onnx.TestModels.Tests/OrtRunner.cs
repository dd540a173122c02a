using Microsoft.ML.OnnxRuntime;

namespace RagPlatform.Onnx.TestModels.Tests;

/// <summary>A float output copied out of ONNX Runtime, with row-major indexing.</summary>
internal sealed record OutputTensor(float[] Data, long[] Shape)
{
    /// <summary>The innermost row at the given leading indices, e.g. Row(batch, position) of [batch, seq, hidden].</summary>
    public float[] Row(params int[] leading)
    {
        var width = (int)Shape[^1];
        var offset = 0L;
        for (var axis = 0; axis < leading.Length; axis++)
        {
            offset = (offset * Shape[axis]) + leading[axis];
        }

        return Data.AsSpan((int)(offset * width), width).ToArray();
    }
}

internal static class OrtRunner
{
    public static OrtValue Int64Tensor(long[][] rows) =>
        OrtValue.CreateTensorValueFromMemory(rows.SelectMany(row => row).ToArray(), [rows.Length, rows.Length == 0 ? 0 : rows[0].Length]);

    public static IReadOnlyDictionary<string, OutputTensor> Run(InferenceSession session, IReadOnlyDictionary<string, OrtValue> inputs)
    {
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, inputs, session.OutputNames);
        return session.OutputNames
            .Select((name, i) => (name, value: outputs[i]))
            .ToDictionary(
                output => output.name,
                output => new OutputTensor(output.value.GetTensorDataAsSpan<float>().ToArray(), output.value.GetTensorTypeAndShape().Shape));
    }

    public static float MaxAbsDifference(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        return expected.Select((value, i) => Math.Abs(value - actual[i])).Max();
    }
}
