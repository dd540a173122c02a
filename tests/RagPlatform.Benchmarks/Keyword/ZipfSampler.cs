namespace RagPlatform.Benchmarks.Keyword;

/// <summary>Draws ranks 0 … count − 1 with probability ∝ 1 / (rank + 1 + offset)^exponent (Zipf–Mandelbrot).</summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent, double offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _cumulative = new double[count];
        double total = 0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1 / Math.Pow(rank + 1 + offset, exponent);
            _cumulative[rank] = total;
        }
    }

    public int Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return Math.Min(index < 0 ? ~index : index + 1, _cumulative.Length - 1);
    }
}
