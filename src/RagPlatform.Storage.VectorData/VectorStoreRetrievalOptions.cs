using System.Linq.Expressions;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Storage.VectorData;

/// <summary>
/// How <see cref="VectorStoreRetriever{TKey, TRecord}"/> reads a connector's records as chunks and searches them.
/// <see cref="ChunkId"/>, <see cref="DocumentId"/> and <see cref="Text"/> are required.
/// </summary>
public sealed class VectorStoreRetrievalOptions<TRecord>
{
    /// <summary>The record's unique id, e.g. <c>r =&gt; r.Id.ToString()</c>. Required.</summary>
    public Func<TRecord, string>? ChunkId { get; set; }

    /// <summary>
    /// The document the record belongs to, e.g. <c>r =&gt; r.DocumentId</c>. Required. Being an expression, it also
    /// builds the connector filter for requests restricted to documents (<c>ids.Contains(r.DocumentId)</c>).
    /// </summary>
    public Expression<Func<TRecord, string>>? DocumentId { get; set; }

    /// <summary>The passage text the answer is grounded in. Required.</summary>
    public Func<TRecord, string>? Text { get; set; }

    /// <summary>The document title shown in citations; the document id when not set.</summary>
    public Func<TRecord, string>? Title { get; set; }

    /// <summary>Where the document came from (path or URL); the document id when not set.</summary>
    public Func<TRecord, string>? SourcePath { get; set; }

    /// <summary>Headings above the passage joined with " > "; empty when not set.</summary>
    public Func<TRecord, string>? HeadingPath { get; set; }

    /// <summary>The passage's position within its document; 0 when not set.</summary>
    public Func<TRecord, int>? Index { get; set; }

    /// <summary>1-based page for paginated sources; null when not set.</summary>
    public Func<TRecord, int?>? Page { get; set; }

    /// <summary>
    /// The record's tags, e.g. <c>r =&gt; r.Tags</c>; needed for requests that filter by tag, which become
    /// <c>r.Tags.Contains(tag)</c> conditions for the connector.
    /// </summary>
    public Expression<Func<TRecord, IEnumerable<string>>>? Tags { get; set; }

    /// <summary>
    /// Replaces the built-in translation of a request's <see cref="SearchFilter"/> into a connector filter, e.g. to map
    /// metadata filters onto the connector's own fields. Return null for "no restriction".
    /// </summary>
    public Func<SearchFilter, Expression<Func<TRecord, bool>>?>? Filter { get; set; }

    public VectorStoreRetrievalMode Mode { get; set; } = VectorStoreRetrievalMode.Auto;
}

public enum VectorStoreRetrievalMode
{
    /// <summary>Hybrid when the collection implements IKeywordHybridSearchable, vector search otherwise.</summary>
    Auto,

    /// <summary>Vector search only.</summary>
    Vector,

    /// <summary>Keyword + vector hybrid search; the collection must implement IKeywordHybridSearchable.</summary>
    Hybrid,
}
