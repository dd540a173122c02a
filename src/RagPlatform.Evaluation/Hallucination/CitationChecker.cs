using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>The text behind a citation number.</summary>
/// <param name="ChunkId">The cited chunk, when known.</param>
public sealed record CitedSource(int Number, string? ChunkId, string Text)
{
    /// <summary>Each citation's chunk text from the retrieved context, or its quote when the chunk is not in the context.</summary>
    public static IReadOnlyList<CitedSource> FromAnswer(IReadOnlyList<Citation> citations, IReadOnlyList<ScoredChunk> context)
    {
        var chunkTexts = context.GroupBy(scored => scored.Chunk.Id).ToDictionary(group => group.Key, group => group.First().Chunk.Text, StringComparer.Ordinal);
        return citations
            .Select(citation => new CitedSource(citation.Number, citation.ChunkId, chunkTexts.GetValueOrDefault(citation.ChunkId) ?? citation.Quote))
            .ToList();
    }
}

/// <summary>Whether the source an [n] marker points at supports the sentence carrying it.</summary>
public sealed record CitationVerdict(int ClaimIndex, int Number, string? ChunkId, ClaimVerdict Verdict, double? Score, string? Reason);

/// <param name="ClaimCount">Claims in the answer.</param>
/// <param name="CitedClaimCount">Claims carrying at least one citation marker.</param>
public sealed record CitationCheckResult(string Method, IReadOnlyList<CitationVerdict> Verdicts, int ClaimCount, int CitedClaimCount)
{
    /// <summary>Supporting citations ÷ decided citations; null when the answer cites nothing.</summary>
    public double? Correctness
    {
        get
        {
            var decided = Verdicts.Count(verdict => verdict.Verdict != ClaimVerdict.Undetermined);
            return decided == 0 ? null : (double)Verdicts.Count(verdict => verdict.Verdict == ClaimVerdict.Supported) / decided;
        }
    }

    /// <summary>Claims with a citation ÷ claims; null for an answer without claims.</summary>
    public double? Coverage => ClaimCount == 0 ? null : (double)CitedClaimCount / ClaimCount;
}

/// <summary>Checks every citation of an answer with a groundedness method, against the cited source alone.</summary>
public sealed class CitationChecker(IGroundednessChecker checker)
{
    private readonly IGroundednessChecker _checker = checker ?? throw new ArgumentNullException(nameof(checker));

    public async Task<CitationCheckResult> CheckAsync(IReadOnlyList<Claim> claims, IReadOnlyList<CitedSource> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(sources);
        var sourcesByNumber = sources.GroupBy(source => source.Number).ToDictionary(group => group.Key, group => group.First());
        var verdicts = new List<CitationVerdict>();

        // One call per cited source with all claims citing it, so an LLM judge is asked once per source.
        foreach (var group in claims.SelectMany(claim => claim.CitationNumbers.Select(number => (Number: number, Claim: claim))).GroupBy(pair => pair.Number))
        {
            var citing = group.Select(pair => pair.Claim).ToList();
            if (!sourcesByNumber.TryGetValue(group.Key, out var source))
            {
                verdicts.AddRange(citing.Select(claim => new CitationVerdict(claim.Index, group.Key, null, ClaimVerdict.Unsupported, null, $"[{group.Key}] points at no source")));
                continue;
            }

            var report = await _checker.AssessAsync(citing, [source.Text], cancellationToken).ConfigureAwait(false);
            verdicts.AddRange(report.Claims.Select(assessment =>
                new CitationVerdict(assessment.Claim.Index, group.Key, source.ChunkId, assessment.Verdict, assessment.Score, assessment.Reason)));
        }

        return new CitationCheckResult(
            _checker.Description,
            verdicts.OrderBy(verdict => verdict.ClaimIndex).ThenBy(verdict => verdict.Number).ToList(),
            claims.Count,
            claims.Count(claim => claim.CitationNumbers.Count > 0));
    }
}
