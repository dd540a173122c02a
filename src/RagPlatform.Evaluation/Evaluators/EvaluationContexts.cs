using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Evaluators;

/// <summary>Gold answers for <see cref="AnswerAccuracyEvaluator"/>.</summary>
public sealed class GoldAnswersContext(IReadOnlyList<string> answers)
    : EvaluationContext(ContextName, answers.Select(answer => (AIContent)new TextContent(answer)).ToList())
{
    public const string ContextName = "Gold answers";

    public IReadOnlyList<string> Answers { get; } = answers;
}

/// <summary>The passages a response was generated from, for <see cref="GroundednessEvaluator"/>.</summary>
public sealed class GroundingContext(IReadOnlyList<string> passages)
    : EvaluationContext(ContextName, passages.Select(passage => (AIContent)new TextContent(passage)).ToList())
{
    public const string ContextName = "Grounding passages";

    public IReadOnlyList<string> Passages { get; } = passages;
}

/// <summary>What each [n] marker of a response points at, for <see cref="CitationCorrectnessEvaluator"/>.</summary>
public sealed class CitationSourcesContext(IReadOnlyList<CitedSource> sources)
    : EvaluationContext(ContextName, sources.Select(source => (AIContent)new TextContent($"[{source.Number}] {source.Text}")).ToList())
{
    public const string ContextName = "Cited sources";

    public IReadOnlyList<CitedSource> Sources { get; } = sources;
}

/// <summary>Whether the question can be answered from the documents, for <see cref="AbstentionEvaluator"/>.</summary>
/// <param name="abstained">The system's own abstention flag; null detects abstention from the response text.</param>
public sealed class AnswerabilityContext(bool isAnswerable, bool? abstained = null)
    : EvaluationContext(ContextName, isAnswerable ? "The question is answerable from the documents." : "The question is not answerable from the documents.")
{
    public const string ContextName = "Answerability";

    public bool IsAnswerable { get; } = isAnswerable;

    public bool? Abstained { get; } = abstained;
}
