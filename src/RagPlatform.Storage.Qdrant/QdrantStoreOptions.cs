namespace RagPlatform.Storage.Qdrant;

/// <summary>Where the Qdrant server is and which collections hold the index. Bound from "Store:Qdrant".</summary>
public sealed class QdrantStoreOptions
{
    public const string SectionName = "Store:Qdrant";

    /// <summary>Base address of Qdrant's REST API (port 6333).</summary>
    public Uri Endpoint { get; set; } = new("http://localhost:6333");

    /// <summary>Sent as the <c>api-key</c> header; must equal the server's QDRANT__SERVICE__API_KEY. Null sends none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Collection of chunk points; document records live in "{CollectionName}_documents".</summary>
    public string CollectionName { get; set; } = "ragp_chunks";

    /// <summary>Dense vector size for a new collection; null takes it from the first vectors written.</summary>
    public int? VectorDimensions { get; set; }

    /// <summary>Longest wait for one HTTP attempt; retries of transient failures get their own attempts.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    internal string DocumentsCollectionName => $"{CollectionName}_documents";

    /// <summary>Throws when a setting cannot work, naming the setting and what to do.</summary>
    internal void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException(
                $"{SectionName}:Endpoint must be an absolute http(s) address such as http://localhost:6333 (got '{Endpoint}').");
        }

        if (string.IsNullOrWhiteSpace(CollectionName) || CollectionName.Length > 200
            || CollectionName.Any(c => char.IsControl(c) || c is '/' or '\\' or '?' or '#' or '%' or ' '))
        {
            throw new ArgumentException(
                $"{SectionName}:CollectionName must be 1-200 characters without spaces, '/', '\\', '?', '#' or '%' (got '{CollectionName}').");
        }

        if (VectorDimensions is < 1 or > 65536)
        {
            throw new ArgumentException($"{SectionName}:VectorDimensions must be between 1 and 65536, or unset (got {VectorDimensions}).");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:Timeout must be positive, for example 00:00:30 (got {Timeout}).");
        }
    }
}
