namespace RagPlatform.Core.Retrieval;

/// <summary>
/// How much the keyword (BM25) and the dense (vector) ranking count in hybrid fusion. Only the ratio matters:
/// (1, 0) is keyword only, (0, 1) dense only, (1, 1) both equally.
/// </summary>
public sealed record FusionWeights
{
    public FusionWeights(double keyword, double dense)
    {
        if (!double.IsFinite(keyword) || keyword < 0 || !double.IsFinite(dense) || dense < 0 || keyword + dense == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(keyword),
                $"Fusion weights must be finite, non-negative and not both zero (keyword {keyword}, dense {dense}).");
        }

        Keyword = keyword;
        Dense = dense;
    }

    public double Keyword { get; }

    public double Dense { get; }

    /// <summary>Weights from a single keyword↔dense slider: 0 is keyword only, 1 dense only.</summary>
    public static FusionWeights FromDenseShare(double denseShare)
    {
        if (!IsDenseShare(denseShare))
        {
            throw new ArgumentOutOfRangeException(nameof(denseShare), denseShare, "The dense share must be between 0 and 1.");
        }

        return new FusionWeights(1 - denseShare, denseShare);
    }

    /// <summary>Whether <paramref name="value"/> is a slider position <see cref="FromDenseShare"/> accepts (0 to 1).</summary>
    public static bool IsDenseShare(double value) => value is >= 0 and <= 1;

    /// <summary>The dense weight's share of the total, 0 (keyword only) to 1 (dense only).</summary>
    public double DenseShare => Dense / (Keyword + Dense);
}
