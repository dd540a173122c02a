namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// Forward passes written as plain loops (double accumulation, no ONNX Runtime), independent of the ONNX graphs,
/// to check what ONNX Runtime computes from the exported models.
/// </summary>
public static class ReferenceTransformer
{
    /// <summary>BERT last_hidden_state of one sequence, [sequence][hidden]. Keys whose mask is 0 are left out of attention.</summary>
    public static float[][] EncoderLastHiddenState(EncoderWeights w, long[] inputIds, long[] attentionMask, long[] tokenTypeIds)
    {
        ArgumentNullException.ThrowIfNull(w);
        var spec = w.Spec;
        var length = inputIds.Length;
        if (attentionMask.Length != length || tokenTypeIds.Length != length)
        {
            throw new ArgumentException($"input_ids ({length}), attention_mask ({attentionMask.Length}) and token_type_ids ({tokenTypeIds.Length}) must have the same length.");
        }

        if (length > spec.MaxPositions)
        {
            throw new ArgumentException($"The sequence has {length} tokens but the encoder has {spec.MaxPositions} positions.", nameof(inputIds));
        }

        if (!attentionMask.Contains(1))
        {
            throw new ArgumentException("attention_mask must mark at least one token with 1.", nameof(attentionMask));
        }

        var hidden = new double[length][];
        for (var t = 0; t < length; t++)
        {
            var word = Row(w.WordEmbeddings, CheckedIndex(inputIds[t], spec.VocabSize, "input_ids"), spec.HiddenSize);
            var position = Row(w.PositionEmbeddings, t, spec.HiddenSize);
            var type = Row(w.TokenTypeEmbeddings, CheckedIndex(tokenTypeIds[t], spec.TypeVocabSize, "token_type_ids"), spec.HiddenSize);
            hidden[t] = LayerNorm(Add(Add(word, position), type), w.EmbeddingNorm, EncoderSpec.LayerNormEpsilon);
        }

        foreach (var layer in w.Layers)
        {
            var queries = hidden.Select(x => Linear(x, layer.Query)).ToArray();
            var keys = hidden.Select(x => Linear(x, layer.Key)).ToArray();
            var values = hidden.Select(x => Linear(x, layer.Value)).ToArray();
            var next = new double[length][];
            for (var t = 0; t < length; t++)
            {
                var context = MultiHeadAttention(queries[t], keys, values, key => attentionMask[key] != 0, spec.Heads, spec.Heads, spec.HeadDim);
                var afterAttention = LayerNorm(Add(Linear(context, layer.AttentionOutput), hidden[t]), layer.AttentionNorm, EncoderSpec.LayerNormEpsilon);
                var intermediate = Linear(afterAttention, layer.Intermediate).Select(Gelu).ToArray();
                next[t] = LayerNorm(Add(Linear(intermediate, layer.Output), afterAttention), layer.OutputNorm, EncoderSpec.LayerNormEpsilon);
            }

            hidden = next;
        }

        return ToFloat(hidden);
    }

    /// <summary>Llama logits, [sequence][vocab], recomputing the whole causal sequence at positions 0..n-1.</summary>
    public static float[][] DecoderLogits(DecoderWeights w, long[] inputIds)
    {
        ArgumentNullException.ThrowIfNull(w);
        var spec = w.Spec;
        var length = inputIds.Length;
        var hidden = inputIds.Select(id => Row(w.TokenEmbeddings, CheckedIndex(id, spec.VocabSize, "input_ids"), spec.HiddenSize)).ToArray();
        foreach (var layer in w.Layers)
        {
            var normalized = hidden.Select(x => RmsNorm(x, layer.InputNorm)).ToArray();
            var queries = normalized.Select((x, position) => Rotate(Linear(x, layer.Query), position, spec)).ToArray();
            var keys = normalized.Select((x, position) => Rotate(Linear(x, layer.Key), position, spec)).ToArray();
            var values = normalized.Select(x => Linear(x, layer.Value)).ToArray();
            for (var t = 0; t < length; t++)
            {
                var query = t;
                var context = MultiHeadAttention(queries[t], keys, values, key => key <= query, spec.Heads, spec.KvHeads, spec.HeadDim);
                var afterAttention = Add(hidden[t], Linear(context, layer.AttentionOutput));
                var mlpInput = RmsNorm(afterAttention, layer.PostAttentionNorm);
                var gate = Linear(mlpInput, layer.Gate);
                var up = Linear(mlpInput, layer.Up);
                var activated = gate.Select((g, i) => g / (1 + Math.Exp(-g)) * up[i]).ToArray();
                hidden[t] = Add(afterAttention, Linear(activated, layer.Down));
            }
        }

        return ToFloat(hidden.Select(x => Linear(RmsNorm(x, w.FinalNorm), w.LmHead)).ToArray());
    }

    /// <summary>Error function (Taylor series near 0, continued fraction for erfc in the tails); accurate to ~1e-14.</summary>
    internal static double Erf(double x)
    {
        var magnitude = Math.Abs(x);
        if (magnitude >= 3)
        {
            // erfc(z) = e^(−z²)/√π · 1/(z + (1/2)/(z + (2/2)/(z + (3/2)/(z + …)))), evaluated from the tail.
            var fraction = magnitude;
            for (var k = 80; k >= 1; k--)
            {
                fraction = magnitude + (k / 2.0 / fraction);
            }

            var complement = Math.Exp(-magnitude * magnitude) / Math.Sqrt(Math.PI) / fraction;
            return Math.CopySign(1 - complement, x);
        }

        // erf(x) = 2/√π · Σ (−1)ⁿ x^(2n+1) / (n!(2n+1))
        double sum = 0, power = x;
        for (var n = 0; n < 200; n++)
        {
            var term = power / ((2 * n) + 1);
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum))
            {
                break;
            }

            power *= -x * x / (n + 1);
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    private static double Gelu(double x) => 0.5 * x * (1 + Erf(x / Math.Sqrt(2)));

    /// <summary>Scaled dot-product attention of one query position over the allowed key positions, head by head.</summary>
    private static double[] MultiHeadAttention(double[] query, double[][] keys, double[][] values, Func<int, bool> mayAttend, int heads, int kvHeads, int headDim)
    {
        var context = new double[heads * headDim];
        var allowed = Enumerable.Range(0, keys.Length).Where(mayAttend).ToArray();
        var groupSize = heads / kvHeads;
        for (var head = 0; head < heads; head++)
        {
            var kvOffset = head / groupSize * headDim;
            var queryOffset = head * headDim;
            var scores = allowed.Select(key => Dot(query, queryOffset, keys[key], kvOffset, headDim) / Math.Sqrt(headDim)).ToArray();
            var max = scores.Max();
            var weights = scores.Select(score => Math.Exp(score - max)).ToArray();
            var total = weights.Sum();
            for (var i = 0; i < allowed.Length; i++)
            {
                for (var d = 0; d < headDim; d++)
                {
                    context[queryOffset + d] += weights[i] / total * values[allowed[i]][kvOffset + d];
                }
            }
        }

        return context;
    }

    /// <summary>Rotary embedding of every head of a projection at one position (HF rotate-half pairing: i with i + d/2).</summary>
    private static double[] Rotate(double[] projection, int position, DecoderSpec spec)
    {
        var half = spec.HeadDim / 2;
        var rotated = new double[projection.Length];
        for (var offset = 0; offset < projection.Length; offset += spec.HeadDim)
        {
            for (var i = 0; i < half; i++)
            {
                var angle = position * Math.Pow(spec.RopeTheta, -2.0 * i / spec.HeadDim);
                var (sin, cos) = Math.SinCos(angle);
                var first = projection[offset + i];
                var second = projection[offset + i + half];
                rotated[offset + i] = (first * cos) - (second * sin);
                rotated[offset + i + half] = (second * cos) + (first * sin);
            }
        }

        return rotated;
    }

    private static double[] Linear(double[] input, LinearWeights layer)
    {
        var output = new double[layer.OutputSize];
        for (var j = 0; j < layer.OutputSize; j++)
        {
            double sum = layer.Bias?[j] ?? 0;
            for (var i = 0; i < layer.InputSize; i++)
            {
                sum += input[i] * layer.Weight[(i * layer.OutputSize) + j];
            }

            output[j] = sum;
        }

        return output;
    }

    private static double[] LayerNorm(double[] x, LayerNormWeights weights, double epsilon)
    {
        var mean = x.Average();
        var variance = x.Select(value => (value - mean) * (value - mean)).Average();
        var scale = 1 / Math.Sqrt(variance + epsilon);
        return x.Select((value, i) => ((value - mean) * scale * weights.Gamma[i]) + weights.Beta[i]).ToArray();
    }

    private static double[] RmsNorm(double[] x, float[] scale)
    {
        var rms = Math.Sqrt(x.Select(value => value * value).Average() + DecoderSpec.RmsNormEpsilon);
        return x.Select((value, i) => value / rms * scale[i]).ToArray();
    }

    private static double Dot(double[] a, int aOffset, double[] b, int bOffset, int count)
    {
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += a[aOffset + i] * b[bOffset + i];
        }

        return sum;
    }

    private static double[] Add(double[] a, double[] b) => a.Select((value, i) => value + b[i]).ToArray();

    private static double[] Row(float[] table, int row, int width) =>
        table.AsSpan(row * width, width).ToArray().Select(value => (double)value).ToArray();

    private static int CheckedIndex(long id, int size, string input) =>
        id >= 0 && id < size
            ? (int)id
            : throw new ArgumentOutOfRangeException(input, id, $"{input} values must lie in [0, {size}).");

    private static float[][] ToFloat(double[][] rows) =>
        rows.Select(row => row.Select(value => (float)value).ToArray()).ToArray();
}
