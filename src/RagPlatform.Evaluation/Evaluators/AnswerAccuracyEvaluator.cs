using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Evaluators;

/// <summary>SQuAD v1.1 exact match and token F1 of the response against the gold answers in a <see cref="GoldAnswersContext"/>.</summary>
public sealed class AnswerAccuracyEvaluator() : ContextualEvaluator<GoldAnswersContext>(GoldAnswersContext.ContextName)
{
    public const string ExactMatchMetricName = "Exact Match";
    public const string F1MetricName = "Token F1";

    /// <summary>F1 below this fails the interpretation.</summary>
    public double F1PassMark { get; init; } = 0.5;

    public override IReadOnlyCollection<string> EvaluationMetricNames => [ExactMatchMetricName, F1MetricName];

    protected override ValueTask<EvaluationResult> EvaluateAsync(
        ChatResponse modelResponse,
        GoldAnswersContext gold,
        ChatConfiguration? chatConfiguration,
        CancellationToken cancellationToken)
    {
        var response = modelResponse.Text;
        var exactMatch = SquadMetrics.MaxExactMatch(response, gold.Answers);
        var f1 = SquadMetrics.MaxF1(response, gold.Answers);
        var exactMatchMetric = new NumericMetric(ExactMatchMetricName, exactMatch, exactMatch == 1 ? "matches a gold answer after normalisation" : "matches no gold answer after normalisation")
        {
            Interpretation = EvaluatorSupport.InterpretOutcome(exactMatch == 1, exactMatch == 1 ? "exact match" : "no exact match"),
        };
        var f1Metric = new NumericMetric(F1MetricName, f1, $"best token F1 over {gold.Answers.Count} gold answer(s)")
        {
            Interpretation = EvaluatorSupport.InterpretScore(f1, F1PassMark),
        };
        var result = new EvaluationResult(exactMatchMetric, f1Metric);
        result.AddOrUpdateMetadataInAllMetrics(EvaluatorSupport.MethodMetadataKey, SquadMetrics.Method);
        return ValueTask.FromResult(result);
    }

    protected override EvaluationMetric[] CreateEmptyMetrics() => [new NumericMetric(ExactMatchMetricName), new NumericMetric(F1MetricName)];

    protected override bool IsUsable(GoldAnswersContext context) => context.Answers.Count > 0;
}
