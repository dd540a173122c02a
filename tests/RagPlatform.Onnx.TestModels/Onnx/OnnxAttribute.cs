using RagPlatform.Onnx.TestModels.Protos.Onnx;

namespace RagPlatform.Onnx.TestModels;

/// <summary>A node attribute such as <c>axis</c> or <c>perm</c>.</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(AttributeProto proto) => Proto = proto;

    internal AttributeProto Proto { get; }

    public static OnnxAttribute Int(string name, long value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });

    public static OnnxAttribute Float(string name, float value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value });

    public static OnnxAttribute Ints(string name, params long[] values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        proto.Ints.Add(values);
        return new OnnxAttribute(proto);
    }
}
