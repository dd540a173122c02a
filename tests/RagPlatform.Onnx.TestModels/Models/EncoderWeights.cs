namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// All parameters of a BERT-style encoder. Embedding tables are row-major [rows, HiddenSize]
/// (word: VocabSize rows, position: MaxPositions rows, token type: TypeVocabSize rows).
/// </summary>
public sealed record EncoderWeights(
    EncoderSpec Spec,
    float[] WordEmbeddings,
    float[] PositionEmbeddings,
    float[] TokenTypeEmbeddings,
    LayerNormWeights EmbeddingNorm,
    IReadOnlyList<EncoderLayerWeights> Layers);

/// <summary>One post-LN BERT layer: self-attention, then a GELU feed-forward block, each followed by residual + LayerNorm.</summary>
public sealed record EncoderLayerWeights(
    LinearWeights Query,
    LinearWeights Key,
    LinearWeights Value,
    LinearWeights AttentionOutput,
    LayerNormWeights AttentionNorm,
    LinearWeights Intermediate,
    LinearWeights Output,
    LayerNormWeights OutputNorm);
