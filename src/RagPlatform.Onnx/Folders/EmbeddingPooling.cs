namespace RagPlatform.Onnx.Folders;

/// <summary>How token hidden states become one sentence vector.</summary>
internal enum EmbeddingPooling
{
    /// <summary>Average of the token states under the attention mask (sentence-transformers' default).</summary>
    Mean,

    /// <summary>The first ([CLS]) token's state (BGE).</summary>
    Cls,
}
