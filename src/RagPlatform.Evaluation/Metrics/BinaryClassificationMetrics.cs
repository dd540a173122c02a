namespace RagPlatform.Evaluation.Metrics;

/// <summary>Confusion counts of a yes/no decision and the usual rates; undefined rates are 0 (scikit-learn's zero_division=0).</summary>
public sealed record BinaryClassificationMetrics(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Rouge.FMeasure(Precision, Recall);

    public static BinaryClassificationMetrics FromPairs(IEnumerable<(bool Actual, bool Predicted)> pairs)
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        foreach (var (actual, predicted) in pairs)
        {
            switch (actual, predicted)
            {
                case (true, true): truePositives++; break;
                case (false, true): falsePositives++; break;
                case (true, false): falseNegatives++; break;
                default: trueNegatives++; break;
            }
        }

        return new BinaryClassificationMetrics(truePositives, falsePositives, falseNegatives, trueNegatives);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
