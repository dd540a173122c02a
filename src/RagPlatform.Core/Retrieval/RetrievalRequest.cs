namespace RagPlatform.Core.Retrieval;

/// <summary>What to retrieve: the query text, how many chunks, and an optional restriction.</summary>
public sealed record RetrievalRequest(string Query, int TopK = 5, SearchFilter? Filter = null);

/// <summary>Restricts a search to some documents. Null members do not restrict.</summary>
public sealed record SearchFilter(IReadOnlyCollection<string>? DocumentIds = null);
