using System.Globalization;

namespace RagPlatform.Benchmarks.Vectors;

/// <summary>The <c>vectors</c> command's arguments: <c>[--sizes 10000,100000] [--distributions uniform,clustered]</c>.</summary>
internal sealed record VectorOptions(IReadOnlyList<int> Sizes, IReadOnlyList<VectorDistribution> Distributions)
{
    public const string Usage = "vectors [--sizes 10000,100000[,1000000]] [--distributions uniform,clustered]";

    public static VectorOptions Default { get; } = new([10_000, 100_000], [VectorDistribution.Uniform, VectorDistribution.Clustered]);

    public static VectorOptions Parse(IReadOnlyList<string> arguments)
    {
        var options = Default;
        for (var i = 0; i < arguments.Count; i += 2)
        {
            var value = i + 1 < arguments.Count
                ? arguments[i + 1]
                : throw new ArgumentException($"'{arguments[i]}' needs a value. Usage: {Usage}");
            options = arguments[i] switch
            {
                "--sizes" => options with { Sizes = List(value, ParseSize) },
                "--distributions" => options with { Distributions = List(value, ParseDistribution) },
                _ => throw new ArgumentException($"Unknown option '{arguments[i]}'. Usage: {Usage}"),
            };
        }

        return options;
    }

    public string ToArguments() =>
        $"--sizes {string.Join(',', Sizes.Select(size => size.ToString(CultureInfo.InvariantCulture)))} " +
        $"--distributions {string.Join(',', Distributions.Select(distribution => distribution.ToString().ToLowerInvariant()))}";

    private static IReadOnlyList<T> List<T>(string value, Func<string, T> parse) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToList();

    private static int ParseSize(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? size
            : throw new ArgumentException($"--sizes: '{text}' is not a positive whole number of vectors. Usage: {Usage}");

    private static VectorDistribution ParseDistribution(string text) =>
        Enum.TryParse<VectorDistribution>(text, ignoreCase: true, out var distribution) && Enum.IsDefined(distribution)
            ? distribution
            : throw new ArgumentException($"--distributions: '{text}' is neither 'uniform' nor 'clustered'. Usage: {Usage}");
}
