using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Evaluators;

/// <summary>
/// Whether each [n] marker in the response points at a source (from a <see cref="CitationSourcesContext"/>) that
/// supports the sentence carrying it, and how many sentences cite anything.
/// </summary>
public sealed class CitationCorrectnessEvaluator(IGroundednessChecker? checker = null) : ContextualEvaluator<CitationSourcesContext>(CitationSourcesContext.ContextName)
{
    public const string CorrectnessMetricName = "Citation Correctness";
    public const string CoverageMetricName = "Citation Coverage";

    /// <summary>Correctness below this fails the interpretation.</summary>
    public double PassMark { get; init; } = 1;

    public override IReadOnlyCollection<string> EvaluationMetricNames => [CorrectnessMetricName, CoverageMetricName];

    protected override async ValueTask<EvaluationResult> EvaluateAsync(
        ChatResponse modelResponse,
        CitationSourcesContext sources,
        ChatConfiguration? chatConfiguration,
        CancellationToken cancellationToken)
    {
        var activeChecker = EvaluatorSupport.ResolveChecker(checker, chatConfiguration);
        var check = await new CitationChecker(activeChecker).CheckAsync(ClaimExtractor.Extract(modelResponse.Text), sources.Sources, cancellationToken).ConfigureAwait(false);
        var wrong = check.Verdicts.Where(verdict => verdict.Verdict != ClaimVerdict.Supported).Select(verdict => $"[{verdict.Number}] on claim {verdict.ClaimIndex + 1}: {verdict.Reason}").ToList();
        var correctness = new NumericMetric(CorrectnessMetricName, check.Correctness, wrong.Count == 0 ? $"{check.Verdicts.Count} citation(s) checked" : string.Join("; ", wrong));
        if (check.Correctness is { } value)
        {
            correctness.Interpretation = EvaluatorSupport.InterpretScore(value, PassMark);
        }

        var coverage = new NumericMetric(CoverageMetricName, check.Coverage, $"{check.CitedClaimCount} of {check.ClaimCount} claim(s) cite a source");
        var result = new EvaluationResult(correctness, coverage);
        if (check.Correctness is null)
        {
            correctness.AddDiagnostics(EvaluationDiagnostic.Informational("The response cites no source."));
        }

        result.AddOrUpdateMetadataInAllMetrics(EvaluatorSupport.MethodMetadataKey, activeChecker.Description);
        return result;
    }

    protected override EvaluationMetric[] CreateEmptyMetrics() => [new NumericMetric(CorrectnessMetricName), new NumericMetric(CoverageMetricName)];
}
