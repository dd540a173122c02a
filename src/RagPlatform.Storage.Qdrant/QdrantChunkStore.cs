using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Core.Text;
using RagPlatform.Storage.Qdrant.Http;

namespace RagPlatform.Storage.Qdrant;

/// <summary>
/// The index in a Qdrant server, over its REST API. Chunks are points of the collection
/// <see cref="QdrantStoreOptions.CollectionName"/> with a named dense vector ("dense", cosine) and a named sparse
/// vector ("bm25", term frequencies with Qdrant's idf modifier); document records, with the full text, and the
/// embedding signature are points of "{CollectionName}_documents". Both collections are created on first write.
/// </summary>
/// <remarks>
/// Qdrant has no multi-point transactions, so a document is replaced in an order that never loses it: its new chunk
/// points are written first (deterministic ids overwrite the old ones in place), then its stale chunks are deleted,
/// then its record is written. A failure part-way leaves the previous record and a mix of chunks; writing the
/// document again repairs it without duplicates.
/// </remarks>
public sealed partial class QdrantChunkStore : IChunkStore
{
    private const int UpsertBatchSize = 64;
    private const int ScrollPageSize = 256;

    // Each side of a hybrid query hands the fusion a deeper list than is returned, so that a chunk ranked
    // moderately by both can still win.
    private const int HybridCandidatesPerResult = 4;
    private const int MinimumHybridCandidates = 20;

    private readonly QdrantRestClient _client;
    private readonly QdrantCollections _collections;
    private readonly QdrantStoreOptions _options;
    private readonly ITextAnalyzer _analyzer;
    private readonly ILogger<QdrantChunkStore> _logger;

    /// <param name="httpClient">Sends the requests; retries and timeouts belong in its handler pipeline (see AddQdrantChunkStore).</param>
    /// <param name="analyzer">Must be the analyzer used for every index and query of this collection.</param>
    public QdrantChunkStore(
        HttpClient httpClient,
        IOptions<QdrantStoreOptions> options,
        ITextAnalyzer analyzer,
        ILogger<QdrantChunkStore> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _options.Validate();
        _analyzer = analyzer;
        _logger = logger;
        _client = new QdrantRestClient(httpClient, _options);
        _collections = new QdrantCollections(_client, _options, logger);
    }

    public async Task<DocumentInfo?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        var record = await RetrieveRecordAsync(
            PointIds.ForDocument(documentId),
            PayloadSelection.AllExcept(PayloadFields.Text),
            QdrantJsonContext.Default.QdrantResponseIReadOnlyListPointRecordDocumentPayload,
            cancellationToken);
        return record?.ToDocumentInfo();
    }

    public async Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var records = await ScrollAllAsync(
            _collections.DocumentsName,
            new Filter(Must: [Condition.FieldEquals(PayloadFields.Kind, RecordKinds.Document)]),
            PayloadSelection.AllExcept(PayloadFields.Text),
            QdrantJsonContext.Default.QdrantResponseScrollResultDocumentPayload,
            cancellationToken);
        return records
            .Select(record => record.ToDocumentInfo())
            .OrderBy(document => document.SourcePath, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        var record = await RetrieveRecordAsync(
            PointIds.ForDocument(documentId),
            PayloadSelection.Only(PayloadFields.Text),
            QdrantJsonContext.Default.QdrantResponseIReadOnlyListPointRecordDocumentTextPayload,
            cancellationToken);
        return record?.Text;
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        var payloads = await ScrollAllAsync(
            _collections.ChunksName,
            DocumentFilter(documentId),
            PayloadSelection.All,
            QdrantJsonContext.Default.QdrantResponseScrollResultChunkPayload,
            cancellationToken);
        return payloads.Select(payload => payload.ToChunk()).OrderBy(chunk => chunk.Index).ToList();
    }

    public async Task UpsertDocumentAsync(
        DocumentInfo document,
        string text,
        IReadOnlyList<Chunk> chunks,
        IReadOnlyList<ReadOnlyMemory<float>>? vectors,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(chunks);
        var denseSize = ValidateUpsert(document, chunks, vectors);
        await _collections.EnsureExistAsync(denseSize, document.Metadata.Keys.Select(PayloadFields.MetadataKey), cancellationToken);

        var points = chunks
            .Select((chunk, position) => new PointStruct<ChunkPayload>(
                PointIds.ForChunk(document.Id, chunk.Index),
                new PointVectors(vectors?[position], SparseTermEncoder.EncodeDocument(_analyzer.Analyze(chunk.Text))),
                ChunkPayload.From(chunk, document)))
            .ToList();

        await ForgettingMissingCollectionsAsync(async () =>
        {
            foreach (var batch in points.Chunk(UpsertBatchSize))
            {
                await _client.UpdateAsync(
                    HttpMethod.Put,
                    QdrantPaths.Upsert(_collections.ChunksName),
                    new PointsList<ChunkPayload>(batch),
                    QdrantJsonContext.Default.PointsListChunkPayload,
                    cancellationToken);
            }

            var currentIds = points.Select(point => point.Id).ToList();
            var stale = new Filter(
                Must: [Condition.FieldEquals(PayloadFields.DocumentId, document.Id)],
                MustNot: currentIds.Count == 0 ? null : [Condition.HasIds(currentIds)]);
            await DeletePointsAsync(_collections.ChunksName, new PointsSelector(Filter: stale), cancellationToken);

            await _client.UpdateAsync(
                HttpMethod.Put,
                QdrantPaths.Upsert(_collections.DocumentsName),
                new PointsList<DocumentPayload>([
                    new(PointIds.ForDocument(document.Id), PointVectors.None, DocumentPayload.From(document, text)),
                ]),
                QdrantJsonContext.Default.PointsListDocumentPayload,
                cancellationToken);
        });
        LogDocumentWritten(document.Id, chunks.Count);
    }

    public async Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        var filter = DocumentFilter(documentId);
        var record = await GetDocumentAsync(documentId, cancellationToken);
        var chunkCount = await UnlessCollectionMissingAsync(
            () => _client.SendAsync(
                HttpMethod.Post,
                QdrantPaths.Count(_collections.ChunksName),
                new CountRequest(filter, Exact: true),
                QdrantJsonContext.Default.CountRequest,
                QdrantJsonContext.Default.QdrantResponseCountResult,
                cancellationToken),
            new CountResult(0));
        if (record is null && chunkCount.Count == 0)
        {
            return false;
        }

        // Chunks go first so that a failure part-way leaves the record listed, and removing again finishes the job.
        await UnlessCollectionMissingAsync(
            () => DeletePointsAsync(_collections.ChunksName, new PointsSelector(Filter: filter), cancellationToken));
        await UnlessCollectionMissingAsync(
            () => DeletePointsAsync(
                _collections.DocumentsName, new PointsSelector(Points: [PointIds.ForDocument(documentId)]), cancellationToken));
        LogDocumentRemoved(documentId, chunkCount.Count);
        return true;
    }

    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(
        string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var keywords = EncodeQuery(query);
        if (keywords is null || !TryBuildFilter(filter, out var qdrantFilter))
        {
            return [];
        }

        return await QueryAsync(Nearest(VectorInput.Sparse(keywords), VectorNames.Keywords, qdrantFilter, top), cancellationToken);
    }

    public async Task<IReadOnlyList<ScoredChunk>> VectorSearchAsync(
        ReadOnlyMemory<float> vector, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        if (!await HasDenseVectorsOfSizeAsync(vector, cancellationToken) || !TryBuildFilter(filter, out var qdrantFilter))
        {
            return [];
        }

        return await QueryAsync(Nearest(VectorInput.Dense(vector), VectorNames.Dense, qdrantFilter, top), cancellationToken);
    }

    private static QueryRequest Nearest(VectorInput input, string vectorName, Filter? filter, int top) => new()
    {
        Query = QueryExpression.NearestTo(input),
        Using = vectorName,
        Filter = filter,
        Limit = top,
        WithPayload = PayloadSelection.All,
    };

    /// <summary>
    /// Dense and keyword search fused by Qdrant with reciprocal rank fusion in one request; scores are RRF scores.
    /// Falls back to keyword search when no dense vectors are stored, and to dense search when the query has no
    /// index terms (only stop words, say).
    /// </summary>
    public async Task<IReadOnlyList<ScoredChunk>> HybridSearchAsync(
        string text, ReadOnlyMemory<float> vector, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        if (!await HasDenseVectorsOfSizeAsync(vector, cancellationToken))
        {
            return await KeywordSearchAsync(text, top, filter, cancellationToken);
        }

        var keywords = EncodeQuery(text);
        if (keywords is null)
        {
            return await VectorSearchAsync(vector, top, filter, cancellationToken);
        }

        if (!TryBuildFilter(filter, out var qdrantFilter))
        {
            return [];
        }

        var candidates = Math.Max(top * HybridCandidatesPerResult, MinimumHybridCandidates);
        return await QueryAsync(
            new QueryRequest
            {
                Prefetch =
                [
                    new Prefetch(QueryExpression.NearestTo(VectorInput.Dense(vector)), VectorNames.Dense, qdrantFilter, candidates),
                    new Prefetch(QueryExpression.NearestTo(VectorInput.Sparse(keywords)), VectorNames.Keywords, qdrantFilter, candidates),
                ],
                Query = QueryExpression.ReciprocalRankFusion,
                Limit = top,
                WithPayload = PayloadSelection.All,
            },
            cancellationToken);
    }

    public async Task<EmbeddingSignature?> GetEmbeddingSignatureAsync(CancellationToken cancellationToken = default)
    {
        var record = await RetrieveRecordAsync(
            PointIds.EmbeddingSignature,
            PayloadSelection.All,
            QdrantJsonContext.Default.QdrantResponseIReadOnlyListPointRecordEmbeddingSignaturePayload,
            cancellationToken);
        return record?.ToSignature();
    }

    public async Task SetEmbeddingSignatureAsync(EmbeddingSignature signature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentException.ThrowIfNullOrWhiteSpace(signature.ModelId, nameof(signature));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(signature.Dimensions, nameof(signature));
        await _collections.EnsureExistAsync(signature.Dimensions, [], cancellationToken);
        await ForgettingMissingCollectionsAsync(() => _client.UpdateAsync(
            HttpMethod.Put,
            QdrantPaths.Upsert(_collections.DocumentsName),
            new PointsList<EmbeddingSignaturePayload>([
                new(PointIds.EmbeddingSignature, PointVectors.None, EmbeddingSignaturePayload.From(signature)),
            ]),
            QdrantJsonContext.Default.PointsListEmbeddingSignaturePayload,
            cancellationToken));
    }

    public ValueTask DisposeAsync()
    {
        _collections.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Filter DocumentFilter(string documentId) =>
        new(Must: [Condition.FieldEquals(PayloadFields.DocumentId, documentId)]);

    /// <summary>
    /// Every restriction is one "must" condition: the document ids as a match-any, each tag as a match-value on the
    /// tags array (which matches when any element equals it), each metadata entry as a match-value on "meta.{key}".
    /// </summary>
    /// <returns>False when the filter admits no document at all, so there is nothing to ask Qdrant.</returns>
    private static bool TryBuildFilter(SearchFilter? filter, out Filter? qdrantFilter)
    {
        var conditions = new List<Condition>();
        if (filter?.DocumentIds is { } ids)
        {
            conditions.Add(Condition.FieldIn(PayloadFields.DocumentId, ids));
        }

        foreach (var tag in filter?.Tags?.Distinct(StringComparer.Ordinal) ?? [])
        {
            conditions.Add(Condition.FieldEquals(PayloadFields.Tags, tag));
        }

        foreach (var (key, value) in filter?.Metadata ?? new Dictionary<string, string>())
        {
            RequireMetadataKey(key, "SearchFilter.Metadata");
            conditions.Add(Condition.FieldEquals(PayloadFields.MetadataKey(key), value));
        }

        qdrantFilter = conditions.Count == 0 ? null : new Filter(Must: conditions);
        return filter?.MatchesNothing != true;
    }

    /// <summary>Metadata keys become payload field paths, so a dot or bracket would address another field.</summary>
    private static void RequireMetadataKey(string key, string field)
    {
        if (!DocumentLabels.IsValidMetadataKey(key))
        {
            throw new ArgumentException(
                $"{field}: metadata key '{key}' cannot be stored in Qdrant; use 1 to {DocumentLabels.MaxMetadataKeyLength} ASCII letters, digits, '_' or '-'.",
                field);
        }
    }

    /// <summary>A 404 on a read means the collection was never written: there is nothing stored yet.</summary>
    private static async Task<T> UnlessCollectionMissingAsync<T>(Func<Task<T>> read, T whenMissing)
    {
        try
        {
            return await read();
        }
        catch (QdrantException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return whenMissing;
        }
    }

    private static Task UnlessCollectionMissingAsync(Func<Task> delete) =>
        UnlessCollectionMissingAsync(async () =>
        {
            await delete();
            return true;
        }, whenMissing: false);

    /// <returns>The dense vector size, or null when no vectors are given.</returns>
    private int? ValidateUpsert(DocumentInfo document, IReadOnlyList<Chunk> chunks, IReadOnlyList<ReadOnlyMemory<float>>? vectors)
    {
        ArgumentException.ThrowIfNullOrEmpty(document.Id, nameof(document));
        foreach (var key in document.Metadata.Keys)
        {
            RequireMetadataKey(key, "DocumentInfo.Metadata");
        }

        var indices = new HashSet<int>();
        foreach (var chunk in chunks)
        {
            if (chunk.DocumentId != document.Id)
            {
                throw new ArgumentException(
                    $"Chunk '{chunk.Id}' belongs to document '{chunk.DocumentId}', not to '{document.Id}' which is being written.",
                    nameof(chunks));
            }

            if (!indices.Add(chunk.Index))
            {
                throw new ArgumentException($"Document '{document.Id}' has two chunks with index {chunk.Index}.", nameof(chunks));
            }
        }

        if (vectors is null || chunks.Count == 0)
        {
            return null;
        }

        if (vectors.Count != chunks.Count)
        {
            throw new ArgumentException(
                $"Document '{document.Id}' has {chunks.Count} chunks but {vectors.Count} vectors; give one vector per chunk.",
                nameof(vectors));
        }

        var size = vectors[0].Length;
        if (size == 0 || vectors.Any(vector => vector.Length != size))
        {
            throw new ArgumentException(
                $"The vectors of document '{document.Id}' must all have the same, non-zero length (the first has {size}).",
                nameof(vectors));
        }

        if (_options.VectorDimensions is { } configured && configured != size)
        {
            throw new InvalidOperationException(
                $"{QdrantStoreOptions.SectionName}:VectorDimensions is {configured} but the embedding model produced " +
                $"{size}-dimensional vectors for '{document.Id}'. Set VectorDimensions to {size} or leave it unset.");
        }

        return size;
    }

    private SparseVector? EncodeQuery(string text)
    {
        var terms = _analyzer.Analyze(text);
        return terms.Count == 0 ? null : SparseTermEncoder.EncodeQuery(terms);
    }

    /// <returns>False when no dense vectors are stored; throws when they have another size than <paramref name="vector"/>.</returns>
    private async Task<bool> HasDenseVectorsOfSizeAsync(ReadOnlyMemory<float> vector, CancellationToken cancellationToken)
    {
        var shape = await _collections.DescribeChunksAsync(cancellationToken);
        if (shape?.DenseSize is not { } size)
        {
            return false;
        }

        if (size != vector.Length)
        {
            throw new InvalidOperationException(_collections.DescribeDimensionMismatch(size, vector.Length, "the query vector"));
        }

        return true;
    }

    private async Task<IReadOnlyList<ScoredChunk>> QueryAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var result = await UnlessCollectionMissingAsync(
            () => _client.SendAsync(
                HttpMethod.Post,
                QdrantPaths.Query(_collections.ChunksName),
                request,
                QdrantJsonContext.Default.QueryRequest,
                QdrantJsonContext.Default.QdrantResponseQueryResult,
                cancellationToken),
            new QueryResult([]));
        return result.Points
            .Where(point => point.Payload is not null)
            .Select(point => new ScoredChunk(point.Payload!.ToChunk(), point.Score))
            .ToList();
    }

    private async Task<TPayload?> RetrieveRecordAsync<TPayload>(
        string pointId,
        PayloadSelection payload,
        JsonTypeInfo<QdrantResponse<IReadOnlyList<PointRecord<TPayload>>>> responseType,
        CancellationToken cancellationToken)
        where TPayload : class
    {
        var records = await UnlessCollectionMissingAsync(
            () => _client.SendAsync(
                HttpMethod.Post,
                QdrantPaths.Retrieve(_collections.DocumentsName),
                new PointRequest([pointId], payload, WithVector: false),
                QdrantJsonContext.Default.PointRequest,
                responseType,
                cancellationToken),
            []);
        return records.Count == 0 ? null : records[0].Payload;
    }

    private async Task<List<TPayload>> ScrollAllAsync<TPayload>(
        string collection,
        Filter filter,
        PayloadSelection payload,
        JsonTypeInfo<QdrantResponse<ScrollResult<TPayload>>> responseType,
        CancellationToken cancellationToken)
        where TPayload : class
    {
        var payloads = new List<TPayload>();
        JsonElement? offset = null;
        do
        {
            var request = new ScrollRequest(filter, ScrollPageSize, payload, WithVector: false, offset);
            var page = await UnlessCollectionMissingAsync(
                () => _client.SendAsync(
                    HttpMethod.Post,
                    QdrantPaths.Scroll(collection),
                    request,
                    QdrantJsonContext.Default.ScrollRequest,
                    responseType,
                    cancellationToken),
                new ScrollResult<TPayload>([], NextPageOffset: null));
            payloads.AddRange(page.Points.Select(point => point.Payload).OfType<TPayload>());
            offset = page.NextPageOffset is { ValueKind: not JsonValueKind.Null } next ? next : null;
        }
        while (offset is not null);

        return payloads;
    }

    private Task DeletePointsAsync(string collection, PointsSelector selector, CancellationToken cancellationToken) =>
        _client.UpdateAsync(HttpMethod.Post, QdrantPaths.Delete(collection), selector, QdrantJsonContext.Default.PointsSelector, cancellationToken);

    /// <summary>A 404 while writing means a collection was deleted behind the store's back: recreate it next time.</summary>
    private async Task ForgettingMissingCollectionsAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (QdrantException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            _collections.Forget();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote document {DocumentId} with {ChunkCount} chunks to Qdrant")]
    private partial void LogDocumentWritten(string documentId, int chunkCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed document {DocumentId} and its {ChunkCount} chunks from Qdrant")]
    private partial void LogDocumentRemoved(string documentId, long chunkCount);
}
