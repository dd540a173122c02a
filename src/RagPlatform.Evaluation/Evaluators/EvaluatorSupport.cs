using System.Globalization;
using Microsoft.Extensions.AI.Evaluation;
using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Evaluators;

internal static class EvaluatorSupport
{
    public const string MethodMetadataKey = "method";

    /// <summary>An explicit checker wins; otherwise the chat configuration's client judges; otherwise lexical overlap.</summary>
    public static IGroundednessChecker ResolveChecker(IGroundednessChecker? configured, ChatConfiguration? chatConfiguration) =>
        configured
        ?? (chatConfiguration is null ? new LexicalGroundednessChecker() : new LlmJudgeGroundednessChecker(chatConfiguration.ChatClient));

    /// <summary>Rating bands for 0–1 scores where higher is better; below <paramref name="passMark"/> fails.</summary>
    public static EvaluationMetricInterpretation InterpretScore(double score, double passMark) => new(
        score switch
        {
            >= 0.9 => EvaluationRating.Exceptional,
            >= 0.75 => EvaluationRating.Good,
            >= 0.5 => EvaluationRating.Average,
            >= 0.25 => EvaluationRating.Poor,
            _ => EvaluationRating.Unacceptable,
        },
        failed: score < passMark,
        reason: string.Create(CultureInfo.InvariantCulture, $"{score:P0} (pass mark {passMark:P0})"));

    public static EvaluationMetricInterpretation InterpretOutcome(bool good, string reason) =>
        new(good ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: !good, reason);
}
