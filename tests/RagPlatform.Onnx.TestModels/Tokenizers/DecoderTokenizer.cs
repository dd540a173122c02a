namespace RagPlatform.Onnx.TestModels;

/// <summary>The kind of tokenizer files written next to a decoder model.</summary>
public enum TestTokenizerKind
{
    /// <summary>GPT-2 / Qwen2 style: vocab.json + merges.txt over the byte-level alphabet, ChatML special tokens.</summary>
    ByteLevelBpe,

    /// <summary>Llama style: a sentencepiece BPE tokenizer.model with byte fallback, &lt;unk&gt;/&lt;s&gt;/&lt;/s&gt;.</summary>
    SentencePiece,
}

/// <summary>What the model configuration needs to know about the tokenizer written beside it.</summary>
internal sealed record DecoderTokenizerInfo(int BosTokenId, int EosTokenId, int PadTokenId);
