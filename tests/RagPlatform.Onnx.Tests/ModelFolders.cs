using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Onnx.Tests;

[CollectionDefinition(Name)]
public sealed class ModelFolderCollection : ICollectionFixture<ModelFolders>
{
    public const string Name = "ONNX test models";
}

/// <summary>
/// Test model folders written once for all model tests: a BERT encoder, and Llama decoders with a byte-level BPE
/// (ChatML) and a SentencePiece (Llama 2 format) tokenizer. Tests that change a folder copy it first.
/// </summary>
public sealed class ModelFolders : IDisposable
{
    private readonly TempDirectory _root = new();

    public ModelFolders()
    {
        TestModelFactory.WriteEncoderFolder(Encoder, EncoderSpec);
        TestModelFactory.WriteDecoderFolder(BpeDecoder, DecoderSpec, TestTokenizerKind.ByteLevelBpe);
        TestModelFactory.WriteDecoderFolder(SentencePieceDecoder, DecoderSpec, TestTokenizerKind.SentencePiece);
    }

    public EncoderSpec EncoderSpec { get; } = new();

    public DecoderSpec DecoderSpec { get; } = new();

    public string Encoder => Path.Combine(_root.Path, "encoder");

    public string BpeDecoder => Path.Combine(_root.Path, "decoder-bpe");

    public string SentencePieceDecoder => Path.Combine(_root.Path, "decoder-sentencepiece");

    public EncoderWeights EncoderWeights => field ??= TestModelFactory.CreateEncoderWeights(EncoderSpec);

    public DecoderWeights DecoderWeights => field ??= TestModelFactory.CreateDecoderWeights(DecoderSpec);

    /// <summary>A copy of <paramref name="source"/> that a test may change; deleted with the fixture.</summary>
    public string Copy(string source)
    {
        var target = Path.Combine(_root.Path, "copy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    public void Dispose() => _root.Dispose();
}
