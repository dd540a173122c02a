namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// All parameters of a Llama-style decoder. <see cref="TokenEmbeddings"/> is row-major [VocabSize, HiddenSize];
/// norms are RMSNorm scales of the hidden size; projections carry no bias, as in Llama.
/// </summary>
public sealed record DecoderWeights(
    DecoderSpec Spec,
    float[] TokenEmbeddings,
    IReadOnlyList<DecoderLayerWeights> Layers,
    float[] FinalNorm,
    LinearWeights LmHead);

/// <summary>One pre-norm Llama layer: RMSNorm → attention (RoPE, GQA) → residual, RMSNorm → SwiGLU MLP → residual.</summary>
public sealed record DecoderLayerWeights(
    float[] InputNorm,
    LinearWeights Query,
    LinearWeights Key,
    LinearWeights Value,
    LinearWeights AttentionOutput,
    float[] PostAttentionNorm,
    LinearWeights Gate,
    LinearWeights Up,
    LinearWeights Down);
