namespace RagPlatform.Evaluation.Hallucination;

/// <summary>One checkable statement of an answer: a sentence with its citation markers removed.</summary>
/// <param name="Index">0-based position in the answer.</param>
/// <param name="CitationNumbers">The [n] markers the sentence carried.</param>
public sealed record Claim(int Index, string Text, IReadOnlyList<int> CitationNumbers);

public enum ClaimVerdict
{
    Supported,
    Unsupported,

    /// <summary>No verdict: the judge's reply could not be read, or the claim has no content words to compare.</summary>
    Undetermined,
}

/// <param name="Score">The method's support score (overlap fraction, cosine), or null for the LLM judge.</param>
/// <param name="Evidence">The context text the decision rests on, when the method identifies one.</param>
public sealed record ClaimAssessment(Claim Claim, ClaimVerdict Verdict, double? Score, string? Evidence, string? Reason);

/// <summary>The verdicts of one groundedness method on one answer.</summary>
/// <param name="Method">Short method name: "lexical", "semantic" or "llm-judge".</param>
/// <param name="MethodDescription">The method with its settings, e.g. "lexical: content-token overlap ≥ 0.50 …".</param>
/// <param name="ParseFailures">Claims the LLM judge returned no readable verdict for.</param>
public sealed record GroundednessReport(string Method, string MethodDescription, IReadOnlyList<ClaimAssessment> Claims, int ParseFailures)
{
    public int SupportedCount => Claims.Count(claim => claim.Verdict == ClaimVerdict.Supported);

    public int UnsupportedCount => Claims.Count(claim => claim.Verdict == ClaimVerdict.Unsupported);

    /// <summary>Unsupported ÷ decided claims; null when no claim was decided.</summary>
    public double? UnsupportedClaimRate =>
        SupportedCount + UnsupportedCount == 0 ? null : (double)UnsupportedCount / (SupportedCount + UnsupportedCount);
}

/// <summary>Decides, claim by claim, whether an answer is supported by the context it was built from.</summary>
public interface IGroundednessChecker
{
    /// <summary>"lexical", "semantic" or "llm-judge".</summary>
    string Method { get; }

    /// <summary>The method with its thresholds or model, recorded next to every number it produces.</summary>
    string Description { get; }

    Task<GroundednessReport> AssessAsync(IReadOnlyList<Claim> claims, IReadOnlyList<string> contexts, CancellationToken cancellationToken = default);
}

public static class GroundednessCheckerExtensions
{
    /// <summary>Splits <paramref name="answer"/> into claims and assesses them against <paramref name="contexts"/>.</summary>
    public static Task<GroundednessReport> AssessAnswerAsync(this IGroundednessChecker checker, string answer, IReadOnlyList<string> contexts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checker);
        return checker.AssessAsync(ClaimExtractor.Extract(answer), contexts, cancellationToken);
    }
}
