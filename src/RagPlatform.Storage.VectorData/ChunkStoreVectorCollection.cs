using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Generation;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Retrieval;

namespace RagPlatform.Storage.VectorData;

/// <summary>
/// The platform's index (any <see cref="IChunkStore"/>: the embedded SQLite store or Qdrant) as a
/// Microsoft.Extensions.VectorData collection, so VectorData and Semantic Kernel code can search it.
/// </summary>
/// <remarks>
/// Search inputs are vectors (<see cref="ReadOnlyMemory{T}"/> of float, float[], <see cref="Embedding{T}"/>) or, with an
/// embedding generator, text. Hybrid search fuses the store's keyword (BM25) and vector rankings by weighted reciprocal
/// rank, as the platform's own hybrid retrieval does. Filters translate to the store's document, tag and metadata
/// filters (see <see cref="ChunkRecordFilter.SupportedForms"/>).
/// Writes are not supported: a document's chunks are replaced together by ingestion, in one transaction, so single
/// chunks are never upserted or deleted; ingest and remove whole documents through the platform instead.
/// </remarks>
public sealed class ChunkStoreVectorCollection : VectorStoreCollection<string, RagChunkRecord>, IKeywordHybridSearchable<RagChunkRecord>
{
    public const string DefaultName = "chunks";

    private const string DocumentLevelWritesOnly =
        "The RagPlatform chunk store is written one whole document at a time, atomically, by ingestion: " +
        "ingest or remove documents (ragp ingest / ragp docs remove, or DocumentIngestionService) instead of writing single chunks.";

    private readonly IChunkStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddingGenerator;
    private readonly RetrievalOptions _fusion;
    private readonly VectorStoreCollectionMetadata _metadata;

    /// <param name="store">The index to read; not disposed with the collection.</param>
    /// <param name="embeddingGenerator">Embeds text search inputs; without it, search with vectors.</param>
    /// <param name="fusion">Hybrid fusion settings (weights, RRF k, candidate pool); the platform defaults when null.</param>
    public ChunkStoreVectorCollection(
        IChunkStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddingGenerator = null, RetrievalOptions? fusion = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _embeddingGenerator = embeddingGenerator;
        _fusion = fusion ?? new RetrievalOptions();
        _metadata = ChunkStoreVectorStore.CreateMetadata(DefaultName);
    }

    public override string Name => DefaultName;

    /// <summary>Always true: the store creates its schema when it is opened.</summary>
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    /// <summary>Nothing to do: the store creates its schema when it is opened.</summary>
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <exception cref="NotSupportedException">Always; remove documents through the platform.</exception>
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(DocumentLevelWritesOnly);

    /// <param name="key">A chunk id, "{DocumentId}:{Index}".</param>
    public override async Task<RagChunkRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var separator = key.LastIndexOf(':');
        if (separator <= 0)
        {
            return null;
        }

        var chunks = await _store.GetChunksAsync(key[..separator], cancellationToken);
        var chunk = chunks.FirstOrDefault(candidate => candidate.Id == key);
        if (chunk is null)
        {
            return null;
        }

        var records = await ToRecordsAsync([chunk], options?.IncludeVectors == true, cancellationToken);
        return records[0];
    }

    /// <summary>Chunks of the documents passing <paramref name="filter"/>, in document then chunk order.</summary>
    public override async IAsyncEnumerable<RagChunkRecord> GetAsync(
        Expression<Func<RagChunkRecord, bool>> filter,
        int top,
        FilteredRecordRetrievalOptions<RagChunkRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (options?.OrderBy is not null)
        {
            throw new NotSupportedException("The RagPlatform chunk store returns filtered chunks in document and chunk order; OrderBy is not supported.");
        }

        var searchFilter = ChunkRecordFilter.Translate(filter);
        var skip = options?.Skip ?? 0;
        var returned = 0;
        foreach (var document in (await _store.ListDocumentsAsync(cancellationToken)).Where(d => ChunkRecordFilter.Matches(d, searchFilter)))
        {
            var chunks = await _store.GetChunksAsync(document.Id, cancellationToken);
            var wanted = chunks.Skip(skip).Take(top - returned).ToList();
            skip = Math.Max(0, skip - chunks.Count);
            foreach (var record in await ToRecordsAsync(wanted, options?.IncludeVectors == true, cancellationToken))
            {
                yield return record;
            }

            returned += wanted.Count;
            if (returned == top)
            {
                yield break;
            }
        }
    }

    /// <exception cref="NotSupportedException">Always; see the class remarks.</exception>
    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(DocumentLevelWritesOnly);

    /// <exception cref="NotSupportedException">Always; see the class remarks.</exception>
    public override Task UpsertAsync(RagChunkRecord record, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(DocumentLevelWritesOnly);

    /// <exception cref="NotSupportedException">Always; see the class remarks.</exception>
    public override Task UpsertAsync(IEnumerable<RagChunkRecord> records, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(DocumentLevelWritesOnly);

    /// <summary>Nearest chunks by the store's vector similarity (higher scores are closer).</summary>
    public override async IAsyncEnumerable<VectorSearchResult<RagChunkRecord>> SearchAsync<TInput>(
        TInput searchValue,
        int top,
        VectorSearchOptions<RagChunkRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new VectorSearchOptions<RagChunkRecord>();
        var filter = ChunkRecordFilter.Translate(options.Filter);
        var vector = await ToVectorAsync(searchValue, cancellationToken);
        var hits = filter?.MatchesNothing == true ? [] : await _store.VectorSearchAsync(vector, top + options.Skip, filter, cancellationToken);
        await foreach (var result in ToResultsAsync(hits, options.Skip, top, options.ScoreThreshold, options.IncludeVectors, cancellationToken))
        {
            yield return result;
        }
    }

    /// <summary>
    /// Keyword (BM25 over <paramref name="keywords"/>) and vector rankings fused by weighted reciprocal rank;
    /// the score is the fused score.
    /// </summary>
    public async IAsyncEnumerable<VectorSearchResult<RagChunkRecord>> HybridSearchAsync<TInput>(
        TInput searchValue,
        ICollection<string> keywords,
        int top,
        HybridSearchOptions<RagChunkRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(keywords);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new HybridSearchOptions<RagChunkRecord>();
        var filter = ChunkRecordFilter.Translate(options.Filter);
        var vector = await ToVectorAsync(searchValue, cancellationToken);
        IReadOnlyList<ScoredChunk> fused = [];
        if (filter?.MatchesNothing != true)
        {
            var candidates = Math.Max(_fusion.CandidatePoolSize, top + options.Skip);
            var keywordHits = _store.KeywordSearchAsync(string.Join(' ', keywords), candidates, filter, cancellationToken);
            var vectorHits = _store.VectorSearchAsync(vector, candidates, filter, cancellationToken);
            fused = ReciprocalRankFusion.Fuse([(await keywordHits, _fusion.KeywordWeight), (await vectorHits, _fusion.DenseWeight)], _fusion.RrfK);
        }

        await foreach (var result in ToResultsAsync(fused, options.Skip, top, options.ScoreThreshold, options.IncludeVectors, cancellationToken))
        {
            yield return result;
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreCollectionMetadata) ? _metadata
            : serviceType.IsInstanceOfType(_store) ? _store
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    private async ValueTask<ReadOnlyMemory<float>> ToVectorAsync<TInput>(TInput searchValue, CancellationToken cancellationToken) => searchValue switch
    {
        null => throw new ArgumentNullException(nameof(searchValue)),
        ReadOnlyMemory<float> vector => vector,
        float[] vector => vector,
        Embedding<float> embedding => embedding.Vector,
        string text when _embeddingGenerator is not null =>
            await _embeddingGenerator.GenerateVectorAsync(text, EmbeddingInputKind.ForQueries(), cancellationToken),
        string => throw new InvalidOperationException(
            "Searching the chunk store with text needs an embedding model: give ChunkStoreVectorCollection an IEmbeddingGenerator, or search with the query vector."),
        _ => throw new NotSupportedException(
            $"Search input of type {typeof(TInput).Name} is not supported: use ReadOnlyMemory<float>, float[], Embedding<float>, or string (with an embedding generator)."),
    };

    private async IAsyncEnumerable<VectorSearchResult<RagChunkRecord>> ToResultsAsync(
        IReadOnlyList<ScoredChunk> ranked, int skip, int top, double? scoreThreshold, bool includeVectors,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = ranked.Skip(skip).Take(top).Where(hit => scoreThreshold is null || hit.Score >= scoreThreshold).ToList();
        var records = await ToRecordsAsync(page.Select(hit => hit.Chunk).ToList(), includeVectors, cancellationToken);
        for (var i = 0; i < page.Count; i++)
        {
            yield return new VectorSearchResult<RagChunkRecord>(records[i], page[i].Score);
        }
    }

    /// <summary>Records for <paramref name="chunks"/>, in order, with their documents' tags and metadata.</summary>
    private async Task<IReadOnlyList<RagChunkRecord>> ToRecordsAsync(IReadOnlyList<Chunk> chunks, bool includeVectors, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<string, DocumentInfo?>(StringComparer.Ordinal);
        foreach (var documentId in chunks.Select(chunk => chunk.DocumentId).Distinct(StringComparer.Ordinal))
        {
            documents[documentId] = await _store.GetDocumentAsync(documentId, cancellationToken);
        }

        IReadOnlyDictionary<string, ReadOnlyMemory<float>> vectors = includeVectors && _store is IChunkVectorReader reader
            ? await reader.GetChunkVectorsAsync(chunks.Select(chunk => chunk.Id).ToList(), cancellationToken)
            : new Dictionary<string, ReadOnlyMemory<float>>();
        return chunks
            .Select(chunk => RagChunkRecord.From(
                chunk, documents[chunk.DocumentId], vectors.TryGetValue(chunk.Id, out var vector) ? (ReadOnlyMemory<float>?)vector : null))
            .ToList();
    }
}
