using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Generation;
using RagPlatform.Core.Retrieval;
using RagPlatform.Retrieval;

namespace RagPlatform.Storage.VectorData;

/// <summary>
/// Retrieval served by any Microsoft.Extensions.VectorData collection (a Semantic Kernel or CommunityToolkit
/// connector: Postgres, Azure AI Search, Qdrant, in-memory, …), so the platform's answering runs over it.
/// </summary>
/// <remarks>
/// The query is embedded with the registered embedding generator when there is one; otherwise the text goes to the
/// connector, which then must have its own embedding generator configured. Scores are the connector's, on its scale;
/// the order is its ranking. Hybrid fusion weights are the connector's own, except that a request whose weights give
/// the keyword ranking no say uses vector search.
/// </remarks>
public sealed partial class VectorStoreRetriever<TKey, TRecord> : IRetriever
    where TKey : notnull
    where TRecord : class
{
    private readonly VectorStoreCollection<TKey, TRecord> _collection;
    private readonly IKeywordHybridSearchable<TRecord>? _hybrid;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddingGenerator;
    private readonly VectorStoreRetrievalOptions<TRecord> _options;
    private readonly Func<TRecord, string> _chunkId;
    private readonly Func<TRecord, string> _documentId;
    private readonly Func<TRecord, string> _text;

    public VectorStoreRetriever(
        VectorStoreCollection<TKey, TRecord> collection,
        IOptions<VectorStoreRetrievalOptions<TRecord>> options,
        IEmbeddingGenerator<string, Embedding<float>>? embeddingGenerator = null)
    {
        _collection = collection ?? throw new ArgumentNullException(nameof(collection));
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _embeddingGenerator = embeddingGenerator;
        _chunkId = Require(_options.ChunkId, nameof(_options.ChunkId), "r => r.Id.ToString()");
        _documentId = Require(_options.DocumentId, nameof(_options.DocumentId), "r => r.DocumentId").Compile();
        _text = Require(_options.Text, nameof(_options.Text), "r => r.Content");
        _hybrid = _options.Mode switch
        {
            VectorStoreRetrievalMode.Vector => null,
            VectorStoreRetrievalMode.Hybrid => collection as IKeywordHybridSearchable<TRecord> ?? throw new InvalidOperationException(
                $"VectorStoreRetrievalOptions.Mode is Hybrid, but {collection.GetType().Name} does not implement IKeywordHybridSearchable: use Mode Vector or Auto."),
            _ => collection as IKeywordHybridSearchable<TRecord>,
        };
    }

    public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        RetrievalRequests.Validate(request);
        if (string.IsNullOrWhiteSpace(request.Query) || request.Filter?.MatchesNothing == true)
        {
            return [];
        }

        var filter = request.Filter is null ? null : TranslateFilter(request.Filter);
        return _embeddingGenerator is null
            ? await SearchAsync(request.Query, request, filter, cancellationToken)
            : await SearchAsync(
                await _embeddingGenerator.GenerateVectorAsync(request.Query, EmbeddingInputKind.ForQueries(), cancellationToken),
                request, filter, cancellationToken);
    }

    private async Task<IReadOnlyList<ScoredChunk>> SearchAsync<TInput>(
        TInput input, RetrievalRequest request, Expression<Func<TRecord, bool>>? filter, CancellationToken cancellationToken)
        where TInput : notnull
    {
        var useHybrid = _hybrid is not null && request.Weights?.Keyword != 0;
        var results = useHybrid
            ? _hybrid!.HybridSearchAsync(input, Keywords(request.Query), request.TopK, new HybridSearchOptions<TRecord> { Filter = filter }, cancellationToken)
            : _collection.SearchAsync(input, request.TopK, new VectorSearchOptions<TRecord> { Filter = filter }, cancellationToken);

        var chunks = new List<ScoredChunk>(request.TopK);
        await foreach (var result in results.WithCancellation(cancellationToken))
        {
            chunks.Add(new ScoredChunk(ToChunk(result.Record), result.Score ?? 0));
        }

        return chunks;
    }

    private Expression<Func<TRecord, bool>>? TranslateFilter(SearchFilter filter) =>
        _options.Filter is { } custom ? custom(filter) : RecordFilterBuilder.Build(filter, _options.DocumentId!, _options.Tags);

    private Chunk ToChunk(TRecord record)
    {
        var documentId = _documentId(record);
        var text = _text(record) ?? string.Empty;
        return new Chunk(
            _chunkId(record),
            documentId,
            _options.Index?.Invoke(record) ?? 0,
            text,
            _options.SourcePath?.Invoke(record) ?? documentId,
            _options.Title?.Invoke(record) ?? documentId,
            _options.HeadingPath?.Invoke(record) ?? string.Empty,
            _options.Page?.Invoke(record),
            StartOffset: 0,
            EndOffset: text.Length,
            TokenCount: WordPattern().Count(text));
    }

    private static List<string> Keywords(string query) =>
        WordPattern().Matches(query).Select(match => match.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static T Require<T>(T? selector, string name, string example) where T : class =>
        selector ?? throw new InvalidOperationException(
            $"VectorStoreRetrievalOptions<{typeof(TRecord).Name}>.{name} is not set: say how to read it from a record, e.g. {name} = {example}.");

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{N}]+")]
    private static partial Regex WordPattern();
}
