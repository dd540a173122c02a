using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace RagPlatform.Evaluation.Evaluators;

/// <summary>
/// An evaluator that needs one kind of <see cref="EvaluationContext"/>: without it every metric comes back empty with
/// an error naming the missing context; with it the result carries the context, so reports show what was judged.
/// </summary>
public abstract class ContextualEvaluator<TContext>(string contextName) : IEvaluator
    where TContext : EvaluationContext
{
    public abstract IReadOnlyCollection<string> EvaluationMetricNames { get; }

    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var context = additionalContext?.OfType<TContext>().FirstOrDefault();
        if (context is null || !IsUsable(context))
        {
            var missing = new EvaluationResult(CreateEmptyMetrics());
            missing.AddDiagnosticsToAllMetrics(EvaluationDiagnostic.Error(
                $"No '{contextName}' context was supplied: pass a {typeof(TContext).Name} in additionalContext."));
            return missing;
        }

        var result = await EvaluateAsync(modelResponse, context, chatConfiguration, cancellationToken).ConfigureAwait(false);
        result.AddOrUpdateContextInAllMetrics(context);
        return result;
    }

    /// <summary>Scores the response once the context is known to be present and usable.</summary>
    protected abstract ValueTask<EvaluationResult> EvaluateAsync(
        ChatResponse modelResponse,
        TContext context,
        ChatConfiguration? chatConfiguration,
        CancellationToken cancellationToken);

    /// <summary>The metrics, without values, reported when the context is missing.</summary>
    protected abstract EvaluationMetric[] CreateEmptyMetrics();

    protected virtual bool IsUsable(TContext context) => true;
}
