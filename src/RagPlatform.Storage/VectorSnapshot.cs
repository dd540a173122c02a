using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RagPlatform.Storage;

/// <summary>
/// An immutable in-memory copy of the stored vectors, unit-normalised so cosine similarity is a dot product, kept
/// per document: a write replaces only the documents it touched, and a document filter skips whole documents.
/// Searching is exact and thread-safe.
/// </summary>
internal sealed class VectorSnapshot
{
    private const string SelectVectors = """
        SELECT c.document_id, c.rowid, v.vector
        FROM chunks c JOIN chunk_vectors v ON v.chunk_rowid = c.rowid
        """;

    private readonly Dictionary<string, DocumentVectors> _documents;

    private VectorSnapshot(long contentVersion, int dimensions, Dictionary<string, DocumentVectors> documents)
    {
        ContentVersion = contentVersion;
        Dimensions = dimensions;
        _documents = documents;
        Count = documents.Values.Sum(document => document.ChunkRowIds.Length);
    }

    public long ContentVersion { get; }

    public int Dimensions { get; }

    public int Count { get; }

    /// <summary>Reads every vector inside one read transaction, so the snapshot matches the version it records.</summary>
    public static async Task<VectorSnapshot> LoadAsync(SqliteConnection connection, int dimensions, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: true);
        var contentVersion = await ChangeLog.ReadVersionAsync(connection, transaction, cancellationToken);
        var documents = new Dictionary<string, DocumentVectors>(StringComparer.Ordinal);
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
            var documents = new Dictionary<string, DocumentVectors>(StringComparer.Ordinal);
            await ReadDocumentsAsync(connection, transaction, Dimensions, documentIds: null, documents, cancellationToken);
            return new VectorSnapshot(currentVersion, Dimensions, documents);
        }

        var refreshed = new Dictionary<string, DocumentVectors>(_documents, StringComparer.Ordinal);
        foreach (var documentId in changed)
        {
            refreshed.Remove(documentId);
        }

        await ReadDocumentsAsync(connection, transaction, Dimensions, changed, refreshed, cancellationToken);
        return new VectorSnapshot(currentVersion, Dimensions, refreshed);
    }

    /// <summary>The <paramref name="top"/> most cosine-similar chunks, best first (ties by chunk row).</summary>
    public IReadOnlyList<(long ChunkRowId, double Score)> Search(ReadOnlySpan<float> query, int top, IReadOnlyCollection<string>? documentIds)
    {
        var unitQuery = query.ToArray();
        Normalize(unitQuery);

        var best = new PriorityQueue<long, float>(Math.Min(top, Count) + 1);
        foreach (var document in SelectDocuments(documentIds))
        {
            var vectors = document.UnitVectors;
            for (var row = 0; row < document.ChunkRowIds.Length; row++)
            {
                var score = TensorPrimitives.Dot(unitQuery, vectors.AsSpan(row * Dimensions, Dimensions));
                if (best.Count < top)
                {
                    best.Enqueue(document.ChunkRowIds[row], score);
                }
                else if (best.TryPeek(out _, out var worstKept) && score > worstKept)
                {
                    best.DequeueEnqueue(document.ChunkRowIds[row], score);
                }
            }
        }

        var results = new List<(long ChunkRowId, double Score)>(best.Count);
        while (best.TryDequeue(out var rowId, out var score))
        {
            results.Add((rowId, score));
        }

        results.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.ChunkRowId.CompareTo(b.ChunkRowId));
        return results;
    }

    private IEnumerable<DocumentVectors> SelectDocuments(IReadOnlyCollection<string>? documentIds)
    {
        if (documentIds is null)
        {
            return _documents.Values;
        }

        return documentIds.Distinct(StringComparer.Ordinal)
            .Select(id => _documents.GetValueOrDefault(id))
            .OfType<DocumentVectors>();
    }

    private static async Task ReadDocumentsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        int dimensions,
        IReadOnlyCollection<string>? documentIds,
        Dictionary<string, DocumentVectors> into,
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
        var rowIds = new List<long>();
        var vectors = new List<float>();
        string? currentDocument = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var documentId = reader.GetString(0);
            if (documentId != currentDocument)
            {
                AddDocument(currentDocument, rowIds, vectors, into);
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

        AddDocument(currentDocument, rowIds, vectors, into);
    }

    private static void AddDocument(string? documentId, List<long> rowIds, List<float> vectors, Dictionary<string, DocumentVectors> into)
    {
        if (documentId is not null)
        {
            into[documentId] = new DocumentVectors([.. rowIds], [.. vectors]);
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

    /// <param name="UnitVectors">The document's vectors back to back, one per entry of <paramref name="ChunkRowIds"/>.</param>
    private sealed record DocumentVectors(long[] ChunkRowIds, float[] UnitVectors);
}
