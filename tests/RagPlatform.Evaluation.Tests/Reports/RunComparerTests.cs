using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Tests.Runs;

namespace RagPlatform.Evaluation.Tests.Reports;

public sealed class RunComparerTests
{
    [Fact]
    public async Task Detects_a_planted_regression_and_the_question_that_flipped()
    {
        using var directory = new TempDirectory();
        var dataset = await EvaluationScenario.WriteDatasetAsync(directory);
        var baseline = await EvaluationScenario.RunAsync(dataset, EvaluationScenario.BaselineAnswers(), "baseline");
        var candidate = await EvaluationScenario.RunAsync(dataset, EvaluationScenario.RegressedAnswers(), "candidate");

        var comparison = RunComparer.Compare(baseline, candidate);

        var f1 = Assert.Single(comparison.Regressions, delta => delta is { Group: "all", Metric: MetricKeys.F1 });
        Assert.True(f1.AbsoluteDelta < 0);
        Assert.Equal(f1.AbsoluteDelta / f1.Baseline, f1.RelativeDelta!.Value, 12);
        var hallucination = Assert.Single(comparison.Regressions, delta => delta is { Group: "all", Metric: MetricKeys.UnsupportedClaimRate });
        Assert.True(hallucination.AbsoluteDelta > 0);
        Assert.False(hallucination.HigherIsBetter);
        Assert.Contains(comparison.Regressions, delta => delta is { Group: "tag:attention", Metric: MetricKeys.F1 });
        Assert.DoesNotContain(comparison.Deltas, delta => delta.Group == "language:id" && delta.Change != ChangeKind.Unchanged && delta.Metric != MetricKeys.LatencyMs && delta.Metric != MetricKeys.TokensPerSecond);
        Assert.DoesNotContain(comparison.Improvements, delta => delta.Metric == MetricKeys.F1);
        Assert.Equal(
            [("q1", "correct", FlipDirection.CorrectToWrong), ("q1", "grounded", FlipDirection.CorrectToWrong)],
            comparison.Flips.Select(flip => (flip.QuestionId, flip.Criterion, flip.Direction)));
        Assert.Empty(comparison.Warnings);

        var files = await RunComparer.WriteAsync(comparison, Path.Combine(directory.Path, "compare"));
        var markdown = await File.ReadAllTextAsync(files.Markdown);
        var html = await File.ReadAllTextAsync(files.Html);
        Assert.Contains("## Regressions", markdown, StringComparison.Ordinal);
        Assert.Contains("| all | Token F1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("q1", markdown, StringComparison.Ordinal);
        Assert.Contains("correct → not correct", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Identical_runs_show_no_regression_and_reversed_runs_show_the_improvement()
    {
        using var directory = new TempDirectory();
        var dataset = await EvaluationScenario.WriteDatasetAsync(directory);
        var baseline = await EvaluationScenario.RunAsync(dataset, EvaluationScenario.BaselineAnswers(), "baseline");
        var regressed = await EvaluationScenario.RunAsync(dataset, EvaluationScenario.RegressedAnswers(), "candidate");

        var same = RunComparer.Compare(baseline, baseline);
        var reversed = RunComparer.Compare(regressed, baseline);

        Assert.Empty(same.Regressions);
        Assert.Empty(same.Flips);
        Assert.Contains(reversed.Improvements, delta => delta is { Group: "all", Metric: MetricKeys.F1 });
        Assert.All(reversed.Flips, flip => Assert.Equal(FlipDirection.WrongToCorrect, flip.Direction));
    }
}
