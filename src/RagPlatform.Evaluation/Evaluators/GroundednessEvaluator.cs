using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Evaluators;

/// <summary>
/// Claim-level groundedness of the response against a <see cref="GroundingContext"/>: the unsupported-claim rate
/// and whether every claim is supported. Uses the given checker; without one, the chat configuration's client as
/// LLM judge; without that, lexical overlap.
/// </summary>
public sealed class GroundednessEvaluator(IGroundednessChecker? checker = null) : ContextualEvaluator<GroundingContext>(GroundingContext.ContextName)
{
    public const string UnsupportedClaimRateMetricName = "Unsupported Claim Rate";
    public const string GroundedMetricName = "Grounded";

    /// <summary>Unsupported-claim rates above this fail the interpretation.</summary>
    public double MaximumUnsupportedRate { get; init; }

    public override IReadOnlyCollection<string> EvaluationMetricNames => [UnsupportedClaimRateMetricName, GroundedMetricName];

    protected override async ValueTask<EvaluationResult> EvaluateAsync(
        ChatResponse modelResponse,
        GroundingContext grounding,
        ChatConfiguration? chatConfiguration,
        CancellationToken cancellationToken)
    {
        var activeChecker = EvaluatorSupport.ResolveChecker(checker, chatConfiguration);
        var report = await activeChecker.AssessAnswerAsync(modelResponse.Text, grounding.Passages, cancellationToken).ConfigureAwait(false);
        var rate = report.UnsupportedClaimRate;
        var unsupported = report.Claims.Where(claim => claim.Verdict == ClaimVerdict.Unsupported).Select(claim => $"\"{claim.Claim.Text}\"").ToList();
        var reason = unsupported.Count == 0 ? $"{report.SupportedCount} supported claim(s)" : $"unsupported: {string.Join("; ", unsupported)}";
        var rateMetric = new NumericMetric(UnsupportedClaimRateMetricName, rate, reason);
        var groundedMetric = new BooleanMetric(GroundedMetricName, rate is null ? null : rate == 0, reason);
        if (rate is { } value)
        {
            var acceptable = value <= MaximumUnsupportedRate;
            rateMetric.Interpretation = EvaluatorSupport.InterpretOutcome(acceptable, $"{report.UnsupportedCount} of {report.SupportedCount + report.UnsupportedCount} claims unsupported");
            groundedMetric.Interpretation = EvaluatorSupport.InterpretOutcome(value == 0, value == 0 ? "every claim is supported" : "some claims are unsupported");
        }

        var result = new EvaluationResult(rateMetric, groundedMetric);
        if (rate is null)
        {
            result.AddDiagnosticsToAllMetrics(EvaluationDiagnostic.Informational("The response has no claims that could be checked."));
        }

        if (report.ParseFailures > 0)
        {
            result.AddDiagnosticsToAllMetrics(EvaluationDiagnostic.Warning($"The judge gave no readable verdict for {report.ParseFailures} claim(s)."));
        }

        result.AddOrUpdateMetadataInAllMetrics(EvaluatorSupport.MethodMetadataKey, activeChecker.Description);
        return result;
    }

    protected override EvaluationMetric[] CreateEmptyMetrics() => [new NumericMetric(UnsupportedClaimRateMetricName), new BooleanMetric(GroundedMetricName)];
}
