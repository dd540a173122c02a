namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// A BERT encoder graph with the input and output names of an Optimum feature-extraction export:
/// input_ids, attention_mask, token_type_ids (int64 [batch_size, sequence_length]) → last_hidden_state.
/// Initializer names follow Hugging Face's BertModel parameter names.
/// </summary>
internal static class EncoderGraph
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";
    public const string LastHiddenState = "last_hidden_state";

    public static OnnxGraphBuilder Build(EncoderWeights weights)
    {
        var spec = weights.Spec;
        spec.Validate();
        var graph = new OnnxGraphBuilder("bert_encoder")
            .Input(InputIds, OnnxElementType.Int64, "batch_size", "sequence_length")
            .Input(AttentionMask, OnnxElementType.Int64, "batch_size", "sequence_length")
            .Input(TokenTypeIds, OnnxElementType.Int64, "batch_size", "sequence_length");
        var ops = new TransformerGraphOps(graph);

        var hidden = ops.LayerNorm(Embeddings(ops, weights), weights.EmbeddingNorm, EncoderSpec.LayerNormEpsilon, "embeddings.LayerNorm");
        var bias = ops.MaskToBias(ops.KeyPaddingMask(AttentionMask));
        for (var i = 0; i < weights.Layers.Count; i++)
        {
            hidden = Layer(ops, hidden, bias, weights.Layers[i], spec, $"encoder.layer.{i}");
        }

        return graph
            .Node("Identity", [hidden], [LastHiddenState])
            .Output(LastHiddenState, OnnxElementType.Float, "batch_size", "sequence_length", spec.HiddenSize);
    }

    private static string Embeddings(TransformerGraphOps ops, EncoderWeights weights)
    {
        var graph = ops.Graph;
        var spec = weights.Spec;
        var wordTable = graph.Initializer("embeddings.word_embeddings.weight", weights.WordEmbeddings, spec.VocabSize, spec.HiddenSize);
        var positionTable = graph.Initializer("embeddings.position_embeddings.weight", weights.PositionEmbeddings, spec.MaxPositions, spec.HiddenSize);
        var typeTable = graph.Initializer("embeddings.token_type_embeddings.weight", weights.TokenTypeEmbeddings, spec.TypeVocabSize, spec.HiddenSize);

        var positions = ops.Range(graph.ScalarConstant(0L), ops.AxisLength(InputIds, axis: 1));
        var words = graph.Apply("Gather", [wordTable, InputIds]);
        var positional = graph.Apply("Gather", [positionTable, positions]);
        var types = graph.Apply("Gather", [typeTable, TokenTypeIds]);
        return graph.Apply("Add", [graph.Apply("Add", [words, positional]), types]);
    }

    private static string Layer(TransformerGraphOps ops, string hidden, string bias, EncoderLayerWeights layer, EncoderSpec spec, string name)
    {
        var graph = ops.Graph;
        var query = ops.SplitHeads(ops.Linear(hidden, layer.Query, name + ".attention.self.query"), spec.Heads, spec.HeadDim);
        var key = ops.SplitHeads(ops.Linear(hidden, layer.Key, name + ".attention.self.key"), spec.Heads, spec.HeadDim);
        var value = ops.SplitHeads(ops.Linear(hidden, layer.Value, name + ".attention.self.value"), spec.Heads, spec.HeadDim);
        var context = ops.MergeHeads(ops.Attention(query, key, value, bias, spec.Heads, spec.Heads, spec.HeadDim), spec.Heads, spec.HeadDim);
        var attentionOutput = ops.Linear(context, layer.AttentionOutput, name + ".attention.output.dense");
        var afterAttention = ops.LayerNorm(
            graph.Apply("Add", [attentionOutput, hidden]), layer.AttentionNorm, EncoderSpec.LayerNormEpsilon, name + ".attention.output.LayerNorm");

        var intermediate = ops.Gelu(ops.Linear(afterAttention, layer.Intermediate, name + ".intermediate.dense"));
        var output = ops.Linear(intermediate, layer.Output, name + ".output.dense");
        return ops.LayerNorm(graph.Apply("Add", [output, afterAttention]), layer.OutputNorm, EncoderSpec.LayerNormEpsilon, name + ".output.LayerNorm");
    }
}
