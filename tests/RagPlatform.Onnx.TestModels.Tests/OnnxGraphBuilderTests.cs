using Microsoft.ML.OnnxRuntime;
using RagPlatform.Onnx.TestModels.Protos.Onnx;

namespace RagPlatform.Onnx.TestModels.Tests;

public sealed class OnnxGraphBuilderTests
{
    [Fact]
    public void BuiltModelRunsInOnnxRuntimeWithSymbolicDimensions()
    {
        var graph = new OnnxGraphBuilder("affine")
            .Input("x", OnnxElementType.Float, "batch", 3);
        var scaled = graph.Apply("Mul", ["x", graph.Initializer("scale", [2f, 3f, 4f], 3)]);
        graph.Node("Add", [scaled, graph.ScalarConstant(1f)], ["y"])
            .Output("y", OnnxElementType.Float, "batch", 3);

        using var session = new InferenceSession(graph.ToBytes());
        using var x = OrtValue.CreateTensorValueFromMemory(new float[] { 1, 1, 1, 0, 1, 2 }, [2, 3]);
        var y = OrtRunner.Run(session, new Dictionary<string, OrtValue> { ["x"] = x })["y"];

        Assert.Equal([3f, 4f, 5f, 1f, 4f, 9f], y.Data);
        Assert.Equal("batch", session.InputMetadata["x"].SymbolicDimensions[0]);
    }

    [Fact]
    public void ExternalDataKeepsSmallTensorsInlineAndReferencesLargeOnesByOffsetAndLength()
    {
        var large = Enumerable.Range(0, 1000).Select(i => (float)i).ToArray();
        var graph = new OnnxGraphBuilder("external")
            .Input("x", OnnxElementType.Float, 1000);
        var sum = graph.Apply("Add", ["x", graph.Initializer("large", large, 1000)]);
        graph.Node("Mul", [sum, graph.Initializer("small", [2f], 1)], ["y"])
            .Output("y", OnnxElementType.Float, 1000);
        using var directory = new TempDirectory();
        var modelPath = directory.File("model.onnx");

        graph.Save(modelPath, externalData: true);

        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath));
        var largeTensor = model.Graph.Initializer.Single(tensor => tensor.Name == "large");
        var smallTensor = model.Graph.Initializer.Single(tensor => tensor.Name == "small");
        Assert.Equal(TensorProto.Types.DataLocation.External, largeTensor.DataLocation);
        Assert.True(largeTensor.RawData.IsEmpty);
        var entries = largeTensor.ExternalData.ToDictionary(entry => entry.Key, entry => entry.Value);
        Assert.Equal("model.onnx_data", entries["location"]);
        Assert.Equal("4000", entries["length"]);
        Assert.Equal(0, long.Parse(entries["offset"], System.Globalization.CultureInfo.InvariantCulture) % 4096);
        Assert.False(smallTensor.HasDataLocation);
        Assert.Equal(4, smallTensor.RawData.Length);

        using var session = new InferenceSession(modelPath);
        using var x = OrtValue.CreateTensorValueFromMemory(new float[1000], [1000]);
        var y = OrtRunner.Run(session, new Dictionary<string, OrtValue> { ["x"] = x })["y"];
        Assert.Equal(large.Select(value => value * 2), y.Data);
    }

    [Fact]
    public void RejectsDuplicateNamesAndUndefinedInputs()
    {
        var graph = new OnnxGraphBuilder("invalid").Input("x", OnnxElementType.Float, 1);

        var duplicate = Assert.Throws<InvalidOperationException>(() => graph.Initializer("x", [1f], 1));
        Assert.Contains("'x'", duplicate.Message);
        var undefined = Assert.Throws<InvalidOperationException>(() => graph.Apply("Relu", ["missing"]));
        Assert.Contains("'missing'", undefined.Message);
        Assert.Throws<ArgumentException>(() => graph.Initializer("w", [1f, 2f], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxGraphBuilder("old", opset: 13));
    }
}
