namespace RagPlatform.Onnx.TestModels;

/// <summary>Tensor element types the builder can declare; values are ONNX <c>TensorProto.DataType</c> codes.</summary>
public enum OnnxElementType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
}
