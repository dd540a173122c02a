using System.Globalization;

namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// A Llama decoder graph with the names of an Optimum "text-generation-with-past" export: input_ids, attention_mask
/// [batch_size, past_sequence_length + sequence_length], position_ids and past_key_values.{i}.key/value →
/// logits and present.{i}.key/value. Initializer names follow Hugging Face's LlamaForCausalLM parameter names.
/// </summary>
internal static class DecoderGraph
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string PositionIds = "position_ids";
    public const string Logits = "logits";

    private const string Batch = "batch_size";
    private const string Sequence = "sequence_length";
    private const string PastSequence = "past_sequence_length";
    private const string TotalSequence = "past_sequence_length + sequence_length";

    public static string PastKey(int layer) => string.Create(CultureInfo.InvariantCulture, $"past_key_values.{layer}.key");

    public static string PastValue(int layer) => string.Create(CultureInfo.InvariantCulture, $"past_key_values.{layer}.value");

    public static string PresentKey(int layer) => string.Create(CultureInfo.InvariantCulture, $"present.{layer}.key");

    public static string PresentValue(int layer) => string.Create(CultureInfo.InvariantCulture, $"present.{layer}.value");

    /// <summary>Rotary inverse frequencies 1/θ^(2i/d), computed in float as HF's LlamaRotaryEmbedding does.</summary>
    public static float[] RotaryInverseFrequencies(DecoderSpec spec) =>
        Enumerable.Range(0, spec.HeadDim / 2)
            .Select(i => 1f / MathF.Pow(spec.RopeTheta, 2f * i / spec.HeadDim))
            .ToArray();

    public static OnnxGraphBuilder Build(DecoderWeights weights)
    {
        var spec = weights.Spec;
        spec.Validate();
        var graph = new OnnxGraphBuilder("llama_decoder")
            .Input(InputIds, OnnxElementType.Int64, Batch, Sequence)
            .Input(AttentionMask, OnnxElementType.Int64, Batch, TotalSequence)
            .Input(PositionIds, OnnxElementType.Int64, Batch, Sequence);
        for (var i = 0; i < spec.Layers; i++)
        {
            graph.Input(PastKey(i), OnnxElementType.Float, Batch, spec.KvHeads, PastSequence, spec.HeadDim)
                .Input(PastValue(i), OnnxElementType.Float, Batch, spec.KvHeads, PastSequence, spec.HeadDim);
        }

        var ops = new TransformerGraphOps(graph);
        var bias = ops.MaskToBias(CausalAndPaddingMask(ops));
        var rotary = Rotary(ops, spec);
        var hidden = graph.Apply("Gather", [graph.Initializer("model.embed_tokens.weight", weights.TokenEmbeddings, spec.VocabSize, spec.HiddenSize), InputIds]);
        for (var i = 0; i < weights.Layers.Count; i++)
        {
            hidden = Layer(ops, hidden, bias, rotary, weights.Layers[i], spec, i);
        }

        var normalized = ops.RmsNorm(hidden, weights.FinalNorm, DecoderSpec.RmsNormEpsilon, "model.norm");
        var lmHead = graph.Initializer("lm_head.weight", weights.LmHead.Weight, weights.LmHead.InputSize, weights.LmHead.OutputSize);
        graph.Node("MatMul", [normalized, lmHead], [Logits])
            .Output(Logits, OnnxElementType.Float, Batch, Sequence, spec.VocabSize);
        for (var i = 0; i < spec.Layers; i++)
        {
            graph.Output(PresentKey(i), OnnxElementType.Float, Batch, spec.KvHeads, TotalSequence, spec.HeadDim)
                .Output(PresentValue(i), OnnxElementType.Float, Batch, spec.KvHeads, TotalSequence, spec.HeadDim);
        }

        return graph;
    }

    /// <summary>
    /// Query i (absolute position past + i) may attend key j when j ≤ past + i and attention_mask[b, j] is 1,
    /// which also makes left padding work. Result: bool [batch, 1, 1, seq, past + seq].
    /// </summary>
    private static string CausalAndPaddingMask(TransformerGraphOps ops)
    {
        var graph = ops.Graph;
        var sequenceLength = ops.AxisLength(InputIds, axis: 1);
        var totalLength = ops.AxisLength(AttentionMask, axis: 1);
        var pastLength = graph.Apply("Sub", [totalLength, sequenceLength]);
        var keyPositions = graph.Apply("Unsqueeze", [ops.Range(graph.ScalarConstant(0L), totalLength), graph.Constant(0)]);
        var queryPositions = graph.Apply("Unsqueeze", [ops.Range(pastLength, totalLength), graph.Constant(1)]);
        var causal = graph.Apply("LessOrEqual", [keyPositions, queryPositions]);
        return graph.Apply("And", [causal, ops.KeyPaddingMask(AttentionMask)]);
    }

    private static (string Cos, string Sin) Rotary(TransformerGraphOps ops, DecoderSpec spec)
    {
        var graph = ops.Graph;
        var inverseFrequencies = RotaryInverseFrequencies(spec);
        var positions = graph.Apply("Cast", [PositionIds], OnnxAttribute.Int("to", (long)OnnxElementType.Float));
        var angles = graph.Apply("Mul", [
            graph.Apply("Unsqueeze", [positions, graph.Constant(2)]),
            graph.Initializer("model.rotary_emb.inv_freq", inverseFrequencies, inverseFrequencies.Length)]);
        var fullAngles = graph.Apply("Concat", [angles, angles], OnnxAttribute.Int("axis", -1));
        var headAxis = graph.Constant(1);
        return (
            graph.Apply("Unsqueeze", [graph.Apply("Cos", [fullAngles]), headAxis]),
            graph.Apply("Unsqueeze", [graph.Apply("Sin", [fullAngles]), headAxis]));
    }

    /// <summary>x·cos + rotate_half(x)·sin with rotate_half(x) = [−x₂, x₁] (HF Llama's convention).</summary>
    private static string ApplyRotary(OnnxGraphBuilder graph, string input, (string Cos, string Sin) rotary)
    {
        var halves = graph.Apply("Split", [input], outputCount: 2, OnnxAttribute.Int("axis", -1));
        var rotated = graph.Apply("Concat", [graph.Apply("Neg", [halves[1]]), halves[0]], OnnxAttribute.Int("axis", -1));
        return graph.Apply("Add", [graph.Apply("Mul", [input, rotary.Cos]), graph.Apply("Mul", [rotated, rotary.Sin])]);
    }

    private static string Layer(TransformerGraphOps ops, string hidden, string bias, (string Cos, string Sin) rotary, DecoderLayerWeights layer, DecoderSpec spec, int index)
    {
        var graph = ops.Graph;
        var name = string.Create(CultureInfo.InvariantCulture, $"model.layers.{index}");
        var normalized = ops.RmsNorm(hidden, layer.InputNorm, DecoderSpec.RmsNormEpsilon, name + ".input_layernorm");
        var query = ApplyRotary(graph, ops.SplitHeads(ops.Linear(normalized, layer.Query, name + ".self_attn.q_proj"), spec.Heads, spec.HeadDim), rotary);
        var key = ApplyRotary(graph, ops.SplitHeads(ops.Linear(normalized, layer.Key, name + ".self_attn.k_proj"), spec.KvHeads, spec.HeadDim), rotary);
        var value = ops.SplitHeads(ops.Linear(normalized, layer.Value, name + ".self_attn.v_proj"), spec.KvHeads, spec.HeadDim);

        var sequenceAxis = OnnxAttribute.Int("axis", 2);
        graph.Node("Concat", [PastKey(index), key], [PresentKey(index)], sequenceAxis)
            .Node("Concat", [PastValue(index), value], [PresentValue(index)], sequenceAxis);
        var context = ops.Attention(query, PresentKey(index), PresentValue(index), bias, spec.Heads, spec.KvHeads, spec.HeadDim);
        var attentionOutput = ops.Linear(ops.MergeHeads(context, spec.Heads, spec.HeadDim), layer.AttentionOutput, name + ".self_attn.o_proj");
        var afterAttention = graph.Apply("Add", [hidden, attentionOutput]);

        var mlpInput = ops.RmsNorm(afterAttention, layer.PostAttentionNorm, DecoderSpec.RmsNormEpsilon, name + ".post_attention_layernorm");
        var gate = ops.Silu(ops.Linear(mlpInput, layer.Gate, name + ".mlp.gate_proj"));
        var up = ops.Linear(mlpInput, layer.Up, name + ".mlp.up_proj");
        var down = ops.Linear(graph.Apply("Mul", [gate, up]), layer.Down, name + ".mlp.down_proj");
        return graph.Apply("Add", [afterAttention, down]);
    }
}
