namespace RagPlatform.Onnx.TestModels;

/// <summary>One dimension of a graph input or output: a fixed size or a symbolic name such as "batch_size".</summary>
public readonly record struct OnnxDimension
{
    private OnnxDimension(long? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    public long? Size { get; }

    public string? Symbol { get; }

    public static OnnxDimension Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new OnnxDimension(size, null);
    }

    public static OnnxDimension Symbolic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new OnnxDimension(null, name);
    }

    public static implicit operator OnnxDimension(long size) => Fixed(size);

    public static implicit operator OnnxDimension(string name) => Symbolic(name);
}
