namespace RagPlatform.Retrieval;

/// <summary>How chunks are retrieved; bound from configuration with <c>IOptions&lt;RetrievalOptions&gt;</c>.</summary>
public sealed class RetrievalOptions
{
    /// <summary>Chunks to return when the caller does not say.</summary>
    public int TopK { get; set; } = 5;

    public RetrievalMode Mode { get; set; } = RetrievalMode.Auto;

    /// <summary>Weight of the keyword (BM25) ranking in hybrid fusion.</summary>
    public double KeywordWeight { get; set; } = 1;

    /// <summary>Weight of the dense (vector) ranking in hybrid fusion.</summary>
    public double DenseWeight { get; set; } = 1;

    /// <summary>The k of reciprocal-rank fusion, score = Σ weight / (k + rank); larger k flattens the rank curve.</summary>
    public int RrfK { get; set; } = 60;

    /// <summary>Candidates each ranking contributes to hybrid fusion (at least the requested top-k).</summary>
    public int CandidatePoolSize { get; set; } = 40;

    /// <summary>Re-rank hybrid results with maximal marginal relevance so near-duplicate chunks do not crowd the context.</summary>
    public bool UseMmr { get; set; }

    /// <summary>MMR trade-off: 1 is pure relevance, 0 pure diversity.</summary>
    public double MmrLambda { get; set; } = 0.7;
}

public enum RetrievalMode
{
    /// <summary>Hybrid when an embedding generator is registered and the store holds vectors; otherwise keyword.</summary>
    Auto,

    Keyword,

    Dense,

    Hybrid,
}
