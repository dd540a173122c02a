using RagPlatform.Core.Answers;
using RagPlatform.Evaluation;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Experiments.Results;

namespace RagPlatform.Experiments.Tests;

/// <summary>Summaries and comparisons of stored results with known metric values.</summary>
public sealed class ExperimentComparerTests
{
    private const int Questions = 10;

    // A 2×2 design: prompts p1/p2 × retrieval r1/r2. Token F1 per question, by cell and repetition.
    private static readonly Dictionary<string, Func<int, int, double>> F1ByCell = new()
    {
        ["m+r1+p1"] = (_, _) => 0.5,
        ["m+r1+p2"] = (repetition, _) => repetition == 1 ? 0.7 : 0.9,
        ["m+r2+p1"] = (_, question) => question == 3 ? 0.6 : 0.5,
        ["m+r2+p2"] = (_, _) => 0.2,
    };

    private static readonly Dictionary<string, double> LatencyByCell = new()
    {
        ["m+r1+p1"] = 100,
        ["m+r1+p2"] = 200,
        ["m+r2+p1"] = 50,
        ["m+r2+p2"] = 100,
    };

    [Fact]
    public void The_summary_averages_over_questions_then_repetitions_with_the_spread()
    {
        var summary = Results().Summarize();

        var cell = summary.Cells.Single(cell => cell.Cell.Id == "m+r1+p2");
        Assert.Equal((20, 20, 0), (cell.Answered, cell.Expected, cell.Errors));
        var f1 = cell.Metrics[MetricKeys.F1];
        Assert.Equal(0.8, f1.Mean, 9);
        Assert.Equal(Math.Sqrt(0.02), f1.StandardDeviation, 9);
        Assert.Equal((0.7, 0.9, 2), (Math.Round(f1.Min, 9), Math.Round(f1.Max, 9), f1.Repetitions));
        Assert.Equal(0.51, summary.Cells.Single(cell => cell.Cell.Id == "m+r2+p1").Metrics[MetricKeys.F1].Mean, 9);
    }

    [Fact]
    public void The_best_cell_wins_each_metric_in_its_direction_with_differences_from_the_baseline()
    {
        var comparison = ExperimentComparer.Compare(Results());

        Assert.Equal("m+r1+p1", comparison.BaselineCellId);
        var f1 = comparison.Metrics.Single(metric => metric.Metric == MetricKeys.F1);
        Assert.Equal(["m+r1+p2"], f1.Winners);
        Assert.True(f1.HigherIsBetter);
        var baseline = f1.Cells.Single(cell => cell.CellId == "m+r1+p1");
        Assert.Null(baseline.Difference);
        Assert.Null(baseline.Paired);

        var better = f1.Cells.Single(cell => cell.CellId == "m+r1+p2");
        Assert.Equal(0.3, better.Difference!.Value, 9);
        Assert.Equal((Questions, Questions, 0, 0), (better.Paired!.Questions, better.Paired.Better, better.Paired.Worse, better.Paired.Ties));
        Assert.True(better.Paired.Significant);
        Assert.Equal(0.3, better.Paired.Low, 9);

        var slightlyBetter = f1.Cells.Single(cell => cell.CellId == "m+r2+p1");
        Assert.Equal((1, 0, 9), (slightlyBetter.Paired!.Better, slightlyBetter.Paired.Worse, slightlyBetter.Paired.Ties));
        Assert.Equal(0, slightlyBetter.Paired.Low, 9);
        Assert.False(slightlyBetter.Paired.Significant);

        var worse = f1.Cells.Single(cell => cell.CellId == "m+r2+p2");
        Assert.Equal(-0.3, worse.Difference!.Value, 9);
        Assert.True(worse.Paired!.Significant);
        Assert.True(worse.Paired.High < 0);

        var latency = comparison.Metrics.Single(metric => metric.Metric == MetricKeys.LatencyMs);
        Assert.False(latency.HigherIsBetter);
        Assert.Equal(["m+r2+p1"], latency.Winners);
        Assert.Equal((0, Questions), (latency.Cells.Single(cell => cell.CellId == "m+r1+p2").Paired!.Better, latency.Cells.Single(cell => cell.CellId == "m+r1+p2").Paired!.Worse));
        Assert.Equal(F1ByCell.Keys, comparison.Metrics.Single(metric => metric.Metric == MetricKeys.AbstentionCorrect).Winners);

        var tokens = comparison.Metrics.Single(metric => metric.Metric == MetricKeys.AnswerTokens);
        Assert.Null(tokens.HigherIsBetter);
        Assert.Empty(tokens.Winners);
    }

    [Fact]
    public void Variants_are_compared_over_the_cells_that_use_them()
    {
        var comparison = ExperimentComparer.Compare(Results());

        var prompt = comparison.Variants.Single(variant => variant.Factor == "prompt" && variant.Metric == MetricKeys.F1);
        Assert.Equal(0.505, prompt.Means["p1"], 9);
        Assert.Equal(0.5, prompt.Means["p2"], 9);
        Assert.Equal(["p1"], prompt.Winners);
        var retrieval = comparison.Variants.Single(variant => variant.Factor == "retrieval" && variant.Metric == MetricKeys.F1);
        Assert.Equal(["r1"], retrieval.Winners);
        Assert.DoesNotContain(comparison.Variants, variant => variant.Factor == "model");
        Assert.DoesNotContain(comparison.Variants, variant => variant.Metric == MetricKeys.AnswerTokens);
    }

    [Fact]
    public void Another_baseline_can_be_chosen_and_an_unknown_one_is_refused_with_the_cells()
    {
        var comparison = ExperimentComparer.Compare(Results(), "m+r2+p2");
        var error = Assert.Throws<ArgumentException>(() => ExperimentComparer.Compare(Results(), "m+r9+p9"));

        Assert.Equal(0.6, comparison.Metrics.Single(metric => metric.Metric == MetricKeys.F1).Cells.Single(cell => cell.CellId == "m+r1+p2").Difference!.Value, 9);
        Assert.Contains("'m+r9+p9' is not a cell", error.Message, StringComparison.Ordinal);
        Assert.Contains("m+r1+p1, m+r1+p2, m+r2+p1, m+r2+p2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_results_always_give_the_same_intervals()
    {
        var first = ExperimentComparer.Compare(Results());
        var second = ExperimentComparer.Compare(Results());

        Assert.Equal(
            first.Metrics.SelectMany(metric => metric.Cells.Select(cell => cell.Paired)),
            second.Metrics.SelectMany(metric => metric.Cells.Select(cell => cell.Paired)));
    }

    private static ExperimentResults Results()
    {
        var cells = F1ByCell.Keys.Select(id => id.Split('+')).Select(parts => new CellInfo(
            string.Join('+', parts), parts[2], parts[0], parts[1], new Dictionary<string, string>(), new Dictionary<string, string>())).ToList();
        var questionIds = Enumerable.Range(1, Questions).Select(question => $"q{question}").ToList();
        var manifest = new ExperimentManifest(
            "known", "/experiments/known.yaml", "hash", new RunDatasetInfo("qa", "/data/qa.jsonl", new string('0', 64), Questions),
            3, 2, questionIds, cells, DateTimeOffset.UnixEpoch);
        var records = cells.ToDictionary(
            cell => cell.Id,
            cell => (IReadOnlyList<ExperimentRecord>)Enumerable.Range(1, 2)
                .SelectMany(repetition => Enumerable.Range(1, Questions).Select(question => new ExperimentRecord(
                    repetition, $"q{question}", question, null, Result($"q{question}", F1ByCell[cell.Id](repetition, question), LatencyByCell[cell.Id]))))
                .ToList());
        return new ExperimentResults("/experiments/known", manifest, records);
    }

    private static QuestionResult Result(string id, double f1, double latencyMs) => new(
        id, "Question?", [], [], false, "en", [], "An answer.", true, AnswerMode.Extractive, [], [], [], null, AbstentionOutcome.CorrectAbstention,
        new Dictionary<string, MetricValue>
        {
            [MetricKeys.F1] = new(f1, "test"),
            [MetricKeys.LatencyMs] = new(latencyMs, "test"),
            [MetricKeys.AbstentionCorrect] = new(1, "test"),
            [MetricKeys.AnswerTokens] = new(latencyMs / 10, "test"),
        },
        latencyMs,
        null);
}
