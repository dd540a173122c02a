namespace RagPlatform.Onnx;

/// <summary>What a model folder is for.</summary>
public enum ModelTask
{
    /// <summary>An encoder (BERT, XLM-RoBERTa, …) whose pooled hidden states are sentence embeddings.</summary>
    Embedding,

    /// <summary>A causal decoder with a key/value cache (Llama, Mistral, Qwen2, Phi-3, …) that generates text.</summary>
    Generation,
}
