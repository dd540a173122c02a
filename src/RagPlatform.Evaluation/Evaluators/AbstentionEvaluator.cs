using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Evaluators;

/// <summary>
/// Whether the system abstained exactly when it should: "Abstention Correct" (abstained on an unanswerable
/// question, or answered an answerable one) and "False Abstention" (abstained although the answer was in the
/// documents). Needs an <see cref="AnswerabilityContext"/>.
/// </summary>
public sealed class AbstentionEvaluator() : ContextualEvaluator<AnswerabilityContext>(AnswerabilityContext.ContextName)
{
    public const string CorrectMetricName = "Abstention Correct";
    public const string FalseAbstentionMetricName = "False Abstention";

    public override IReadOnlyCollection<string> EvaluationMetricNames => [CorrectMetricName, FalseAbstentionMetricName];

    protected override ValueTask<EvaluationResult> EvaluateAsync(
        ChatResponse modelResponse,
        AnswerabilityContext answerability,
        ChatConfiguration? chatConfiguration,
        CancellationToken cancellationToken)
    {
        var abstained = answerability.Abstained ?? Abstention.LooksLikeAbstention(modelResponse.Text);
        var outcome = Abstention.Classify(answerability.IsAnswerable, abstained);
        var reason = outcome switch
        {
            AbstentionOutcome.Answered => "answered an answerable question",
            AbstentionOutcome.CorrectAbstention => "abstained on an unanswerable question",
            AbstentionOutcome.FalseAbstention => "abstained although the documents answer the question",
            _ => "answered a question the documents do not answer",
        };
        var correct = Abstention.IsCorrectDecision(outcome);
        var falseAbstention = outcome == AbstentionOutcome.FalseAbstention;
        var result = new EvaluationResult(
            new BooleanMetric(CorrectMetricName, correct, reason) { Interpretation = EvaluatorSupport.InterpretOutcome(correct, reason) },
            new BooleanMetric(FalseAbstentionMetricName, falseAbstention, reason) { Interpretation = EvaluatorSupport.InterpretOutcome(!falseAbstention, reason) });
        result.AddOrUpdateMetadataInAllMetrics(
            EvaluatorSupport.MethodMetadataKey,
            answerability.Abstained is null ? "abstention detected from the response text (English/Indonesian phrases)" : "abstention flag supplied by the system");
        return ValueTask.FromResult(result);
    }

    protected override EvaluationMetric[] CreateEmptyMetrics() => [new BooleanMetric(CorrectMetricName), new BooleanMetric(FalseAbstentionMetricName)];
}
