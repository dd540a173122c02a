namespace RagPlatform.Onnx.Tokenization;

internal enum TokenizerKind
{
    /// <summary>BERT WordPiece from vocab.txt.</summary>
    WordPiece,

    /// <summary>SentencePiece from tokenizer.model (Llama 2, Mistral, Phi-3) or sentencepiece.bpe.model (XLM-RoBERTa).</summary>
    SentencePiece,

    /// <summary>GPT-2 style byte-level BPE from vocab.json + merges.txt or tokenizer.json (Qwen2, Llama 3).</summary>
    ByteLevelBpe,
}
