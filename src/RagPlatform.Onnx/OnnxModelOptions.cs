namespace RagPlatform.Onnx;

/// <summary>Where an ONNX model folder is and how to run it.</summary>
public sealed class OnnxModelOptions
{
    /// <summary>The model folder (Optimum export layout: model.onnx, config.json, tokenizer files).</summary>
    public string Path { get; set; } = "";

    public ExecutionProvider Provider { get; set; } = ExecutionProvider.Cpu;

    /// <summary>Threads ONNX Runtime uses inside one operator; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>How many texts the embedding generator runs through the model at once.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// Maximum tokens per input (embeddings) or per prompt plus output (generation). Null takes ragp-model.json's
    /// maxLength, else the tokenizer's or config's limit.
    /// </summary>
    public int? MaxLength { get; set; }

    /// <summary>Overrides the model id reported in metadata and responses.</summary>
    public string? ModelId { get; set; }

    /// <summary>Defaults for generation when a request does not set them.</summary>
    public GenerationOptions Generation { get; set; } = new();
}
