using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RagPlatform.Storage.Qdrant.Http;

namespace RagPlatform.Storage.Qdrant;

/// <summary>
/// Creates the chunks and documents collections on first write and remembers the chunks collection's dense vector
/// size, so that vectors of another size are refused with an explanation instead of a bare 400 from Qdrant.
/// </summary>
internal sealed partial class QdrantCollections(QdrantRestClient client, QdrantStoreOptions options, ILogger logger) : IDisposable
{
    private const string Distance = "Cosine";

    /// <summary>
    /// Chunk payload fields Qdrant indexes, so that filters on them stay fast as the collection grows; each metadata
    /// key gets its own index ("meta.{key}") when the first document with it is written.
    /// </summary>
    private static readonly string[] KeywordIndexedFields =
        [PayloadFields.DocumentId, PayloadFields.SourcePath, PayloadFields.Language, PayloadFields.Tags];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ChunkCollectionShape? _chunks;
    private bool _documentsExist;

    public string ChunksName => options.CollectionName;

    public string DocumentsName => options.DocumentsCollectionName;

    /// <summary>The chunks collection's shape, or null while it does not exist.</summary>
    public async Task<ChunkCollectionShape?> DescribeChunksAsync(CancellationToken cancellationToken)
    {
        if (_chunks is { } known)
        {
            return known;
        }

        try
        {
            var info = await client.GetAsync(
                QdrantPaths.Collection(ChunksName), QdrantJsonContext.Default.QdrantResponseCollectionInfo, cancellationToken);
            return _chunks = ReadShape(info);
        }
        catch (QdrantException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates missing collections; with <paramref name="denseSize"/>, also makes sure the chunks collection stores vectors of that size.</summary>
    /// <param name="extraIndexedFields">Payload fields to keyword-index besides the fixed ones (metadata keys of the document being written).</param>
    public async Task EnsureExistAsync(int? denseSize, IEnumerable<string> extraIndexedFields, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var shape = await DescribeChunksAsync(cancellationToken)
                ?? await CreateChunksAsync(denseSize ?? options.VectorDimensions, cancellationToken);
            if (denseSize is { } size)
            {
                shape = await EnsureDenseSizeAsync(shape, size, cancellationToken);
            }

            await EnsurePayloadIndexesAsync(shape, KeywordIndexedFields.Concat(extraIndexedFields), cancellationToken);
            await EnsureDocumentsExistAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops what is known about the collections, after Qdrant said one is gone (deleted by someone else).</summary>
    public void Forget()
    {
        _chunks = null;
        _documentsExist = false;
    }

    /// <param name="vectorSource">What brought the other size, in the singular: "the query vector".</param>
    public string DescribeDimensionMismatch(int collectionSize, int otherSize, string vectorSource) =>
        $"The Qdrant collection '{ChunksName}' stores {collectionSize}-dimensional dense vectors, but {vectorSource} has " +
        $"{otherSize} dimensions. Keep the embedding model the index was built with, or index into a new collection (set " +
        $"{QdrantStoreOptions.SectionName}:CollectionName), or delete '{ChunksName}' and '{DocumentsName}' and ingest again.";

    public void Dispose() => _gate.Dispose();

    private async Task<ChunkCollectionShape> CreateChunksAsync(int? denseSize, CancellationToken cancellationToken)
    {
        var dense = new Dictionary<string, DenseVectorParams>();
        if (denseSize is { } size)
        {
            dense[VectorNames.Dense] = new DenseVectorParams(size, Distance);
        }

        var request = new CreateCollectionRequest(
            dense,
            new Dictionary<string, SparseVectorParams> { [VectorNames.Keywords] = new("idf") });
        if (!await TryCreateCollectionAsync(ChunksName, request, cancellationToken))
        {
            return await DescribeChunksAsync(cancellationToken)
                ?? throw new QdrantException($"Qdrant reported the collection '{ChunksName}' as existing but cannot describe it.");
        }

        LogCollectionCreated(ChunksName, denseSize);
        return _chunks = new ChunkCollectionShape(denseSize, IndexedFields: new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>Also completes a collection an operator created beforehand (with cluster settings, say) without the indexes.</summary>
    private async Task EnsurePayloadIndexesAsync(ChunkCollectionShape shape, IEnumerable<string> fields, CancellationToken cancellationToken)
    {
        var missing = fields.Where(field => !shape.IndexedFields.Contains(field)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var field in missing)
        {
            await client.UpdateAsync(
                HttpMethod.Put,
                QdrantPaths.PayloadIndex(ChunksName),
                new CreateFieldIndexRequest(field, "keyword"),
                QdrantJsonContext.Default.CreateFieldIndexRequest,
                cancellationToken);
        }

        _chunks = shape with { IndexedFields = shape.IndexedFields.Union(missing, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal) };
    }

    private async Task<ChunkCollectionShape> EnsureDenseSizeAsync(ChunkCollectionShape shape, int size, CancellationToken cancellationToken)
    {
        switch (shape.DenseSize)
        {
            case { } existing when existing == size:
                return shape;
            case { } existing:
                throw new InvalidOperationException(DescribeDimensionMismatch(existing, size, "the embedding model"));
        }

        // The collection was created before any embedding model was configured (keyword search only).
        await client.UpdateAsync(
            HttpMethod.Put,
            QdrantPaths.NamedVector(ChunksName, VectorNames.Dense),
            new CreateDenseVectorRequest(new DenseVectorParams(size, Distance)),
            QdrantJsonContext.Default.CreateDenseVectorRequest,
            cancellationToken);
        LogDenseVectorAdded(ChunksName, size);
        return _chunks = shape with { DenseSize = size };
    }

    private async Task EnsureDocumentsExistAsync(CancellationToken cancellationToken)
    {
        if (_documentsExist)
        {
            return;
        }

        try
        {
            await client.GetAsync(
                QdrantPaths.Collection(DocumentsName), QdrantJsonContext.Default.QdrantResponseCollectionInfo, cancellationToken);
        }
        catch (QdrantException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            var request = new CreateCollectionRequest(new Dictionary<string, DenseVectorParams>(), SparseVectors: null);
            if (await TryCreateCollectionAsync(DocumentsName, request, cancellationToken))
            {
                LogCollectionCreated(DocumentsName, null);
            }
        }

        _documentsExist = true;
    }

    /// <returns>False when another writer created the collection first (409), which is just as good.</returns>
    private async Task<bool> TryCreateCollectionAsync(string name, CreateCollectionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var created = await client.SendAsync(
                HttpMethod.Put,
                QdrantPaths.Collection(name),
                request,
                QdrantJsonContext.Default.CreateCollectionRequest,
                QdrantJsonContext.Default.QdrantResponseBoolean,
                cancellationToken);
            return created
                ? true
                : throw new QdrantException($"Qdrant answered 'false' to creating the collection '{name}'; see the Qdrant log.");
        }
        catch (QdrantException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private ChunkCollectionShape ReadShape(CollectionInfo info)
    {
        var parameters = info.Config?.Params;
        if (parameters?.Vectors is not { ValueKind: JsonValueKind.Object } vectors
            || vectors.TryGetProperty("size", out _) // a single unnamed vector
            || parameters.SparseVectors?.ContainsKey(VectorNames.Keywords) != true)
        {
            throw new InvalidOperationException(
                $"The Qdrant collection '{ChunksName}' was not created by RagPlatform (it lacks the named vectors " +
                $"'{VectorNames.Dense}' and sparse '{VectorNames.Keywords}'). Choose another {QdrantStoreOptions.SectionName}:CollectionName.");
        }

        var dense = vectors.TryGetProperty(VectorNames.Dense, out var denseElement)
            ? denseElement.Deserialize(QdrantJsonContext.Default.DenseVectorParams)
            : null;
        var indexed = info.PayloadSchema?.Keys.ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
        return new ChunkCollectionShape(dense?.Size, indexed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Qdrant collection {Collection} (dense vector size {DenseSize})")]
    private partial void LogCollectionCreated(string collection, int? denseSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added the dense vector ({Size} dimensions) to Qdrant collection {Collection}")]
    private partial void LogDenseVectorAdded(string collection, int size);
}

/// <summary>What the store needs to know about the chunks collection: its dense vector size (null when it has none) and its indexed payload fields.</summary>
internal sealed record ChunkCollectionShape(int? DenseSize, IReadOnlySet<string> IndexedFields);
