namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// Deterministic Gaussian parameters from a seed. Projections use std 1/√fan_in rather than BERT's 0.02 so that
/// activations stay at unit scale: attention is then far from uniform, and a masking or rotary mistake changes
/// outputs by much more than the parity tolerance.
/// </summary>
internal sealed class RandomWeightGenerator(int seed)
{
    private const double BiasStd = 0.02;
    private const double NormStd = 0.02;

    // Seeded System.Random keeps its legacy algorithm across .NET versions, so a seed always gives the same weights.
    private readonly Random random = new(seed);

    public float[] Normal(int count, double std, double mean = 0)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(mean + (std * StandardNormal()));
        }

        return values;
    }

    public float[] Embedding(int rows, int hiddenSize) => Normal(rows * hiddenSize, std: 1);

    public LinearWeights Linear(int inputSize, int outputSize, bool withBias)
    {
        var weight = Normal(inputSize * outputSize, std: 1 / Math.Sqrt(inputSize));
        var bias = withBias ? Normal(outputSize, BiasStd) : null;
        return new LinearWeights(inputSize, outputSize, weight, bias);
    }

    public LayerNormWeights LayerNorm(int size) => new(NormScale(size), Normal(size, NormStd));

    public float[] NormScale(int size) => Normal(size, NormStd, mean: 1);

    private double StandardNormal()
    {
        // Box–Muller; 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        return radius * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
