using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagPlatform.Storage.Vectors;

namespace RagPlatform.Storage;

/// <summary>
/// An immutable in-memory copy of the stored vectors, unit-normalised so cosine similarity is a dot product, kept
/// per document with their int8 codes: a write replaces only the documents it touched, and a document filter skips
/// whole documents. Searching is thread-safe; it is exact for small scopes and approximate for large ones
/// (<see cref="DenseSearch"/>).
/// </summary>
internal sealed class VectorSnapshot
{
    private const string SelectVectors = """
        SELECT c.document_id, c.rowid, v.vector
        FROM chunks c JOIN chunk_vectors v ON v.chunk_rowid = c.rowid
        """;

    private readonly Dictionary<string, VectorBlock> _documents;

    private VectorSnapshot(long contentVersion, int dimensions, Dictionary<string, VectorBlock> documents)
    {
        ContentVersion = contentVersion;
        Dimensions = dimensions;
        _documents = documents;
        Count = documents.Values.Sum(document => document.Count);
    }

    public long ContentVersion { get; }

    public int Dimensions { get; }

    public int Count { get; }

    /// <summary>Reads every vector inside one read transaction, so the snapshot matches the version it records.</summary>
    public static async Task<VectorSnapshot> LoadAsync(SqliteConnection connection, int dimensions, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: true);
        var contentVersion = await ChangeLog.ReadVersionAsync(connection, transaction, cancellationToken);
        var documents = new Dictionary<string, VectorBlock>(StringComparer.Ordinal);
        await ReadDocumentsAsync(connection, transaction, dimensions, documentIds: null, documents, cancellationToken);
        return new VectorSnapshot(contentVersion, dimensions, documents);
    }

    /// <summary>This snapshot brought up to the store's current version, reloading only the documents written since.</summary>
    public async Task<VectorSnapshot> RefreshAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: true);
        var currentVersion = await ChangeLog.ReadVersionAsync(connection, transaction, cancellationToken);
        if (currentVersion == ContentVersion)
        {
            return this;
        }

        var changed = await ChangeLog.ReadChangedDocumentsAsync(connection, transaction, ContentVersion, currentVersion, cancellationToken);
        if (changed is null)
        {
            var documents = new Dictionary<string, VectorBlock>(StringComparer.Ordinal);
            await ReadDocumentsAsync(connection, transaction, Dimensions, documentIds: null, documents, cancellationToken);
            return new VectorSnapshot(currentVersion, Dimensions, documents);
        }

        var refreshed = new Dictionary<string, VectorBlock>(_documents, StringComparer.Ordinal);
        foreach (var documentId in changed)
        {
            refreshed.Remove(documentId);
        }

        await ReadDocumentsAsync(connection, transaction, Dimensions, changed, refreshed, cancellationToken);
        return new VectorSnapshot(currentVersion, Dimensions, refreshed);
    }

    /// <summary>The <paramref name="top"/> most cosine-similar chunks, best first (ties by chunk row).</summary>
    /// <param name="documentIds">Only chunks of these documents; null searches every document.</param>
    /// <param name="approximateThreshold">
    /// Searches over at least this many vectors (after filtering) use the approximate int8 scan; smaller ones,
    /// including selective filters, are exact.
    /// </param>
    public IReadOnlyList<(long ChunkRowId, double Score)> Search(ReadOnlySpan<float> query, int top, IReadOnlyCollection<string>? documentIds, int approximateThreshold)
    {
        var unitQuery = query.ToArray();
        Normalize(unitQuery);

        var blocks = SelectDocuments(documentIds).ToList();
        var vectorsInScope = blocks.Sum(block => block.Count);
        return vectorsInScope < approximateThreshold
            ? DenseSearch.Exact(unitQuery, blocks, top)
            : DenseSearch.Approximate(unitQuery, blocks, top);
    }

    private IEnumerable<VectorBlock> SelectDocuments(IReadOnlyCollection<string>? documentIds)
    {
        if (documentIds is null)
        {
            return _documents.Values;
        }

        return documentIds.Distinct(StringComparer.Ordinal)
            .Select(id => _documents.GetValueOrDefault(id))
            .OfType<VectorBlock>();
    }

    private static async Task ReadDocumentsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        int dimensions,
        IReadOnlyCollection<string>? documentIds,
        Dictionary<string, VectorBlock> into,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Ordered by the (document_id, idx) index, so each document's rows arrive together without a sort.
        command.CommandText = documentIds is null
            ? $"{SelectVectors} ORDER BY c.document_id, c.idx;"
            : $"{SelectVectors} WHERE c.document_id IN (SELECT value FROM json_each($documentIds)) ORDER BY c.document_id, c.idx;";
        if (documentIds is not null)
        {
            command.Parameters.AddWithValue("$documentIds", JsonSerializer.Serialize(documentIds));
        }

        var blobLength = dimensions * sizeof(float);
        var documents = new List<(string DocumentId, long[] ChunkRowIds, float[] UnitVectors)>();
        var rowIds = new List<long>();
        var vectors = new List<float>();
        string? currentDocument = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var documentId = reader.GetString(0);
            if (documentId != currentDocument)
            {
                AddDocument(currentDocument, rowIds, vectors, documents);
                currentDocument = documentId;
            }

            // GetFieldValue copies the column in one call; GetBytes and GetStream open incremental blob I/O per row,
            // which is several times slower over 100k vectors.
            var blob = reader.GetFieldValue<byte[]>(2);
            if (blob.Length != blobLength)
            {
                throw new InvalidOperationException(
                    $"The vector of a chunk of document '{documentId}' does not have the store's {dimensions} dimensions; run the integrity check and re-embed.");
            }

            var start = vectors.Count;
            CollectionsMarshal.SetCount(vectors, start + dimensions);
            var target = CollectionsMarshal.AsSpan(vectors).Slice(start, dimensions);
            MemoryMarshal.Cast<byte, float>(blob).CopyTo(target);
            Normalize(target);
            rowIds.Add(reader.GetInt64(1));
        }

        AddDocument(currentDocument, rowIds, vectors, documents);
        var blocks = VectorBlock.CreateMany(documents.Select(document => (document.ChunkRowIds, document.UnitVectors)).ToList(), dimensions);
        for (var i = 0; i < documents.Count; i++)
        {
            into[documents[i].DocumentId] = blocks[i];
        }
    }

    private static void AddDocument(
        string? documentId, List<long> rowIds, List<float> vectors, List<(string DocumentId, long[] ChunkRowIds, float[] UnitVectors)> documents)
    {
        if (documentId is not null)
        {
            documents.Add((documentId, [.. rowIds], [.. vectors]));
        }

        rowIds.Clear();
        vectors.Clear();
    }

    private static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
