using System.Globalization;
using System.Runtime.InteropServices;
using Google.Protobuf;
using RagPlatform.Onnx.TestModels.Protos.Onnx;

namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// Builds an ONNX model (default operator set, opset 17 or later) node by node, in topological order.
/// Every value must be defined (graph input, initializer or node output) before a node consumes it.
/// </summary>
public sealed class OnnxGraphBuilder
{
    public const int MinimumOpset = 17;

    /// <summary>Initializers at least this large go to the external data file, as onnx's own save does.</summary>
    public const int ExternalDataThresholdBytes = 1024;

    private const long IrVersion = 8;
    private const int ExternalDataAlignment = 4096;

    private readonly GraphProto graph;
    private readonly int opset;
    private readonly HashSet<string> definedValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> constantsByKey = new(StringComparer.Ordinal);
    private int generatedNameCounter;

    public OnnxGraphBuilder(string graphName, int opset = MinimumOpset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        if (opset < MinimumOpset)
        {
            throw new ArgumentOutOfRangeException(nameof(opset), opset, $"The builder emits opset {MinimumOpset} or later operators (e.g. LayerNormalization).");
        }

        graph = new GraphProto { Name = graphName };
        this.opset = opset;
    }

    public OnnxGraphBuilder Input(string name, OnnxElementType type, params OnnxDimension[] shape)
    {
        Define(name);
        graph.Input.Add(ValueInfo(name, type, shape));
        return this;
    }

    /// <summary>Declares an already defined value (normally a node output) as a graph output.</summary>
    public OnnxGraphBuilder Output(string name, OnnxElementType type, params OnnxDimension[] shape)
    {
        RequireDefined(name, "graph output");
        graph.Output.Add(ValueInfo(name, type, shape));
        return this;
    }

    public string Initializer(string name, ReadOnlySpan<float> values, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Float, MemoryMarshal.AsBytes(values), values.Length, dims);

    public string Initializer(string name, ReadOnlySpan<long> values, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Int64, MemoryMarshal.AsBytes(values), values.Length, dims);

    /// <summary>A 1-D int64 constant (shapes, axes); identical constants are shared.</summary>
    public string Constant(params long[] values) =>
        SharedConstant("i64[" + string.Join(',', values) + "]", name => Initializer(name, values, values.Length));

    public string ScalarConstant(long value) =>
        SharedConstant("i64:" + value.ToString(CultureInfo.InvariantCulture), name => Initializer(name, [value]));

    public string ScalarConstant(float value) =>
        SharedConstant("f32:" + BitConverter.SingleToInt32Bits(value).ToString(CultureInfo.InvariantCulture), name => Initializer(name, [value]));

    /// <summary>Adds a node with one output and returns the generated output name.</summary>
    public string Apply(string opType, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes) =>
        Apply(opType, inputs, outputCount: 1, attributes)[0];

    /// <summary>Adds a node with several outputs and returns the generated output names.</summary>
    public IReadOnlyList<string> Apply(string opType, IReadOnlyList<string> inputs, int outputCount, params OnnxAttribute[] attributes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        var outputs = Enumerable.Range(0, outputCount).Select(_ => NextName(opType)).ToArray();
        Node(opType, inputs, outputs, attributes);
        return outputs;
    }

    /// <summary>Adds a node whose outputs get the given names (e.g. a graph output such as "logits").</summary>
    public OnnxGraphBuilder Node(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        foreach (var input in inputs.Where(input => input.Length > 0))
        {
            RequireDefined(input, $"input of {opType} node");
        }

        foreach (var output in outputs)
        {
            Define(output);
        }

        var node = new NodeProto { OpType = opType, Name = $"{opType}_{graph.Node.Count}" };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        node.Attribute.Add(attributes.Select(attribute => attribute.Proto.Clone()));
        graph.Node.Add(node);
        return this;
    }

    /// <summary>Serialises the model with every initializer stored inline.</summary>
    public byte[] ToBytes() => CreateModel().ToByteArray();

    /// <summary>
    /// Writes the model to <paramref name="modelPath"/>. With <paramref name="externalData"/>, initializers of at
    /// least <see cref="ExternalDataThresholdBytes"/> bytes go to "&lt;model file name&gt;_data" beside it, referenced
    /// through TensorProto.external_data (location, offset, length), which ONNX Runtime resolves next to the model.
    /// </summary>
    public void Save(string modelPath, bool externalData = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var model = CreateModel();
        if (externalData)
        {
            MoveInitializersToExternalFile(model, modelPath + "_data");
        }

        using var stream = File.Create(modelPath);
        model.WriteTo(stream);
    }

    internal ModelProto CreateModel()
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "RagPlatform.Onnx.TestModels",
            ProducerVersion = "1.0",
            Graph = graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        return model;
    }

    private static void MoveInitializersToExternalFile(ModelProto model, string dataPath)
    {
        var location = Path.GetFileName(dataPath);
        using var data = File.Create(dataPath);
        foreach (var tensor in model.Graph.Initializer.Where(tensor => tensor.RawData.Length >= ExternalDataThresholdBytes))
        {
            // Page-aligned offsets let ONNX Runtime memory-map the weights; the gap reads as zeros.
            var offset = AlignUp(data.Position, ExternalDataAlignment);
            data.Position = offset;
            tensor.RawData.WriteTo(data);

            tensor.ExternalData.Add(Entry("location", location));
            tensor.ExternalData.Add(Entry("offset", offset.ToString(CultureInfo.InvariantCulture)));
            tensor.ExternalData.Add(Entry("length", tensor.RawData.Length.ToString(CultureInfo.InvariantCulture)));
            tensor.DataLocation = TensorProto.Types.DataLocation.External;
            tensor.ClearRawData();
        }
    }

    private static StringStringEntryProto Entry(string key, string value) => new() { Key = key, Value = value };

    private static long AlignUp(long value, long alignment) => (value + alignment - 1) / alignment * alignment;

    private static ValueInfoProto ValueInfo(string name, OnnxElementType type, OnnxDimension[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dimension in shape)
        {
            tensorShape.Dim.Add(dimension.Symbol is { } symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = dimension.Size!.Value });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }

    private string AddInitializer(string name, OnnxElementType type, ReadOnlySpan<byte> littleEndianData, int elementCount, long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian; this writer copies memory as is.");
        }

        var expectedCount = dims.Aggregate(1L, (product, dim) => product * dim);
        if (expectedCount != elementCount)
        {
            throw new ArgumentException($"Initializer '{name}' has {elementCount} values but dims [{string.Join(", ", dims)}] need {expectedCount}.", nameof(dims));
        }

        Define(name);
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(littleEndianData) };
        tensor.Dims.Add(dims);
        graph.Initializer.Add(tensor);
        return name;
    }

    private string SharedConstant(string key, Func<string, string> create)
    {
        if (!constantsByKey.TryGetValue(key, out var name))
        {
            name = create(NextName("const"));
            constantsByKey.Add(key, name);
        }

        return name;
    }

    private string NextName(string prefix)
    {
        string name;
        do
        {
            name = $"/{prefix}_{generatedNameCounter++}";
        }
        while (definedValues.Contains(name));

        return name;
    }

    private void Define(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!definedValues.Add(name))
        {
            throw new InvalidOperationException($"The value name '{name}' is already defined in graph '{graph.Name}'; ONNX value names must be unique.");
        }
    }

    private void RequireDefined(string name, string role)
    {
        if (!definedValues.Contains(name))
        {
            throw new InvalidOperationException($"The {role} '{name}' is not defined in graph '{graph.Name}'; add the input, initializer or producing node first.");
        }
    }
}
