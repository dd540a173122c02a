using System.Globalization;

namespace RagPlatform.Evaluation.Hallucination;

internal static class EvidenceDecision
{
    /// <summary>
    /// Takes the best-scoring context unit that carries the claim's key facts and compares its score with the
    /// threshold; when no unit carries them the claim is unsupported whatever its score. The reason names the key
    /// fact when a unit that would have scored high enough lacks it.
    /// </summary>
    public static ClaimAssessment Decide(Claim claim, IReadOnlyList<(ContextUnit Unit, double Score)> candidates, double threshold, string scoreName)
    {
        if (candidates.Count == 0)
        {
            return new ClaimAssessment(claim, ClaimVerdict.Unsupported, 0, null, "no context to compare with");
        }

        var ranked = candidates.OrderByDescending(candidate => candidate.Score).ToList();
        var missingInBest = MissingKeyFact(claim, ranked[0].Unit);
        var best = missingInBest is null ? ranked[0] : ranked.FirstOrDefault(candidate => MissingKeyFact(claim, candidate.Unit) is null);
        if (best.Unit is not null && best.Score >= threshold)
        {
            return new ClaimAssessment(claim, ClaimVerdict.Supported, best.Score, best.Unit.Text, null);
        }

        var reason = missingInBest is not null && (best.Unit is null || ranked[0].Score >= threshold)
            ? missingInBest
            : string.Create(CultureInfo.InvariantCulture, $"best {scoreName} {best.Score:0.00} is below {threshold:0.00}");
        return new ClaimAssessment(claim, ClaimVerdict.Unsupported, best.Score, (best.Unit ?? ranked[0].Unit).Text, reason);
    }

    private static string? MissingKeyFact(Claim claim, ContextUnit unit) => SupportGuard.FindMissingKeyFact(claim.Text, unit.Text, unit.Passage);
}
