namespace RagPlatform.Onnx.TestModels;

/// <summary>Transformer building blocks expressed in standard ONNX operators, shared by the encoder and decoder graphs.</summary>
internal sealed class TransformerGraphOps(OnnxGraphBuilder graph)
{
    /// <summary>Added to the scores of masked keys; large enough that softmax gives them exactly zero weight,
    /// small enough that a fully masked row (a padding query) stays finite instead of turning into NaN.</summary>
    public const float MaskedScoreBias = -1e9f;

    public OnnxGraphBuilder Graph => graph;

    public string Linear(string input, LinearWeights weights, string name)
    {
        var weight = graph.Initializer(name + ".weight", weights.Weight, weights.InputSize, weights.OutputSize);
        var product = graph.Apply("MatMul", [input, weight]);
        return weights.Bias is null
            ? product
            : graph.Apply("Add", [product, graph.Initializer(name + ".bias", weights.Bias, weights.OutputSize)]);
    }

    public string LayerNorm(string input, LayerNormWeights weights, float epsilon, string name) =>
        graph.Apply(
            "LayerNormalization",
            [input, graph.Initializer(name + ".weight", weights.Gamma, weights.Gamma.Length), graph.Initializer(name + ".bias", weights.Beta, weights.Beta.Length)],
            OnnxAttribute.Int("axis", -1),
            OnnxAttribute.Float("epsilon", epsilon));

    public string RmsNorm(string input, float[] scale, float epsilon, string name)
    {
        var meanSquare = graph.Apply("ReduceMean", [graph.Apply("Mul", [input, input])], OnnxAttribute.Ints("axes", -1), OnnxAttribute.Int("keepdims", 1));
        var rms = graph.Apply("Sqrt", [graph.Apply("Add", [meanSquare, graph.ScalarConstant(epsilon)])]);
        var normalized = graph.Apply("Div", [input, rms]);
        return graph.Apply("Mul", [normalized, graph.Initializer(name + ".weight", scale, scale.Length)]);
    }

    /// <summary>GELU in its exact erf form: 0.5·x·(1 + erf(x/√2)).</summary>
    public string Gelu(string input)
    {
        var erf = graph.Apply("Erf", [graph.Apply("Div", [input, graph.ScalarConstant(MathF.Sqrt(2f))])]);
        var onePlusErf = graph.Apply("Add", [erf, graph.ScalarConstant(1f)]);
        return graph.Apply("Mul", [graph.Apply("Mul", [input, onePlusErf]), graph.ScalarConstant(0.5f)]);
    }

    public string Silu(string input) => graph.Apply("Mul", [input, graph.Apply("Sigmoid", [input])]);

    /// <summary>[batch, seq, heads·headDim] → [batch, heads, seq, headDim].</summary>
    public string SplitHeads(string input, int heads, int headDim)
    {
        var reshaped = graph.Apply("Reshape", [input, graph.Constant(0, 0, heads, headDim)]);
        return graph.Apply("Transpose", [reshaped], OnnxAttribute.Ints("perm", 0, 2, 1, 3));
    }

    /// <summary>[batch, heads, seq, headDim] → [batch, seq, heads·headDim].</summary>
    public string MergeHeads(string input, int heads, int headDim)
    {
        var transposed = graph.Apply("Transpose", [input], OnnxAttribute.Ints("perm", 0, 2, 1, 3));
        return graph.Apply("Reshape", [transposed, graph.Constant(0, 0, heads * headDim)]);
    }

    /// <summary>
    /// softmax(Q·Kᵀ/√d + bias)·V with grouped-query attention: query head h reads key/value head h / (heads / kvHeads),
    /// as HF's repeat_kv does. Queries are grouped to [batch, kvHeads, group, seq, d] so that MatMul broadcasting shares
    /// each key/value head across its group without copying. <paramref name="bias"/> broadcasts to
    /// [batch, 1, 1, querySeq, keySeq].
    /// </summary>
    public string Attention(string query, string key, string value, string bias, int heads, int kvHeads, int headDim)
    {
        var groupedQuery = graph.Apply("Reshape", [query, graph.Constant(0, kvHeads, heads / kvHeads, -1, headDim)]);
        var groupAxis = graph.Constant(2);
        var keyTransposed = graph.Apply(
            "Transpose",
            [graph.Apply("Unsqueeze", [key, groupAxis])],
            OnnxAttribute.Ints("perm", 0, 1, 2, 4, 3));
        var scores = graph.Apply("MatMul", [groupedQuery, keyTransposed]);
        var scaled = graph.Apply("Mul", [scores, graph.ScalarConstant(1f / MathF.Sqrt(headDim))]);
        var probabilities = graph.Apply("Softmax", [graph.Apply("Add", [scaled, bias])], OnnxAttribute.Int("axis", -1));
        var context = graph.Apply("MatMul", [probabilities, graph.Apply("Unsqueeze", [value, groupAxis])]);
        return graph.Apply("Reshape", [context, graph.Constant(0, heads, -1, headDim)]);
    }

    /// <summary>Additive attention bias (0 or <see cref="MaskedScoreBias"/>) from a boolean "may attend" tensor.</summary>
    public string MaskToBias(string allowed) =>
        graph.Apply("Where", [allowed, graph.ScalarConstant(0f), graph.ScalarConstant(MaskedScoreBias)]);

    /// <summary>int64 attention_mask [batch, keySeq] → bool [batch, 1, 1, 1, keySeq], ready to broadcast over scores.</summary>
    public string KeyPaddingMask(string attentionMask)
    {
        var asBool = graph.Apply("Cast", [attentionMask], OnnxAttribute.Int("to", (long)OnnxElementType.Bool));
        return graph.Apply("Unsqueeze", [asBool, graph.Constant(1, 2, 3)]);
    }

    /// <summary>The size of one axis of a tensor as an int64 scalar.</summary>
    public string AxisLength(string tensor, int axis)
    {
        var sliced = graph.Apply("Shape", [tensor], OnnxAttribute.Int("start", axis), OnnxAttribute.Int("end", axis + 1));
        return graph.Apply("Squeeze", [sliced, graph.Constant(0)]);
    }

    public string Range(string start, string limit) => graph.Apply("Range", [start, limit, graph.ScalarConstant(1L)]);
}
