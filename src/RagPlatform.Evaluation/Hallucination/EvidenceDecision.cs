using System.Globalization;

namespace RagPlatform.Evaluation.Hallucination;

internal static class EvidenceDecision
{
    /// <summary>
    /// Takes the best-scoring context unit that carries the claim's key facts and compares its score with the
    /// threshold; when no unit carries them the claim is unsupported whatever its score.
    /// </summary>
    public static ClaimAssessment Decide(Claim claim, IReadOnlyList<(ContextUnit Unit, double Score)> candidates, double threshold, string scoreName)
    {
        if (candidates.Count == 0)
        {
            return new ClaimAssessment(claim, ClaimVerdict.Unsupported, 0, null, "no context to compare with");
        }

        var ranked = candidates.OrderByDescending(candidate => candidate.Score).ToList();
        foreach (var (unit, score) in ranked)
        {
            if (SupportGuard.FindMissingKeyFact(claim.Text, unit.Text) is null)
            {
                var supported = score >= threshold;
                var reason = supported ? null : string.Create(CultureInfo.InvariantCulture, $"best {scoreName} {score:0.00} is below {threshold:0.00}");
                return new ClaimAssessment(claim, supported ? ClaimVerdict.Supported : ClaimVerdict.Unsupported, score, unit.Text, reason);
            }
        }

        var closest = ranked[0].Unit;
        return new ClaimAssessment(claim, ClaimVerdict.Unsupported, 0, closest.Text, SupportGuard.FindMissingKeyFact(claim.Text, closest.Text));
    }
}
