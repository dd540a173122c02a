namespace RagPlatform.Core.Retrieval;

/// <summary>What to retrieve: the query text, how many chunks, and optional restriction and fusion weights.</summary>
/// <param name="Weights">Hybrid fusion weights for this request; null uses the configured ones.</param>
public sealed record RetrievalRequest(string Query, int TopK = 5, SearchFilter? Filter = null, FusionWeights? Weights = null);

/// <summary>
/// Restricts a search. Null members do not restrict; members combine with AND. A chunk matches
/// <paramref name="Tags"/> when its document carries every listed tag, and <paramref name="Metadata"/> when its
/// document has every listed key with exactly that value.
/// </summary>
public sealed record SearchFilter(
    IReadOnlyCollection<string>? DocumentIds = null,
    IReadOnlyCollection<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>True when some member is an empty restriction list, so nothing can match.</summary>
    public bool MatchesNothing => DocumentIds is { Count: 0 };
}
