using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>
/// Small transformer models with random, seed-deterministic weights written at run time (no weights are ever
/// downloaded): they run through the real ONNX runtime so the scenarios exercise vectors and generation.
/// </summary>
public static class TinyModels
{
    /// <summary>A BERT-shaped encoder whose positions cover a whole chunk (256 tokens by default).</summary>
    public static string WriteEncoder(string directory)
    {
        TestModelFactory.WriteEncoderFolder(directory, new EncoderSpec(MaxPositions: 512));
        return directory;
    }

    /// <summary>A Llama-shaped decoder with a byte-level BPE tokenizer and room for the full RAG prompt.</summary>
    public static string WriteDecoder(string directory)
    {
        TestModelFactory.WriteDecoderFolder(directory, new DecoderSpec(MaxPositions: 4096), TestTokenizerKind.ByteLevelBpe);
        return directory;
    }

    /// <summary>Settings that make the platform embed with <paramref name="encoderDirectory"/> on one thread.</summary>
    public static Dictionary<string, string?> EmbeddingSettings(string encoderDirectory) => new()
    {
        ["Models:Embedding:Path"] = encoderDirectory,
        ["Models:Embedding:IntraOpThreads"] = "1",
    };
}
