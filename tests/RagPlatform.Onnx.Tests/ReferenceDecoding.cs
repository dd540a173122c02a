using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Onnx.Tests;

/// <summary>Expected decoder behaviour computed from <see cref="ReferenceTransformer"/> by full recomputation.</summary>
internal static class ReferenceDecoding
{
    /// <summary>Greedy argmax continuation of <paramref name="prompt"/>, ending at an EOS id (included) or after <paramref name="maxTokens"/>.</summary>
    public static List<int> Greedy(DecoderWeights weights, IReadOnlyList<int> prompt, IReadOnlyCollection<int> eos, int maxTokens)
    {
        var sequence = prompt.Select(id => (long)id).ToList();
        var generated = new List<int>();
        while (generated.Count < maxTokens)
        {
            var logits = ReferenceTransformer.DecoderLogits(weights, [.. sequence])[^1];
            var next = Array.IndexOf(logits, logits.Max());
            generated.Add(next);
            if (eos.Contains(next))
            {
                break;
            }

            sequence.Add(next);
        }

        return generated;
    }

    public static double LogSoftmax(float[] logits, int token)
    {
        var max = logits.Max();
        var logSum = max + Math.Log(logits.Sum(logit => Math.Exp(logit - max)));
        return logits[token] - logSum;
    }
}
