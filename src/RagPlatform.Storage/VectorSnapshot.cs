using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace RagPlatform.Storage;

/// <summary>
/// An immutable in-memory copy of every stored vector, unit-normalised so cosine similarity is a dot product, in
/// one contiguous array. Searching is exact and thread-safe; a write to the store makes a new snapshot necessary.
/// </summary>
internal sealed class VectorSnapshot
{
    private readonly float[] _unitVectors;
    private readonly long[] _chunkRowIds;
    private readonly int[] _documentOrdinals;
    private readonly string[] _documentIds;

    private VectorSnapshot(long contentVersion, int dimensions, float[] unitVectors, long[] chunkRowIds, int[] documentOrdinals, string[] documentIds)
    {
        ContentVersion = contentVersion;
        Dimensions = dimensions;
        _unitVectors = unitVectors;
        _chunkRowIds = chunkRowIds;
        _documentOrdinals = documentOrdinals;
        _documentIds = documentIds;
    }

    public long ContentVersion { get; }

    public int Dimensions { get; }

    public int Count => _chunkRowIds.Length;

    /// <summary>Reads all vectors inside one read transaction, so the snapshot matches the version it records.</summary>
    public static async Task<VectorSnapshot> LoadAsync(SqliteConnection connection, int dimensions, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: true);
        var contentVersion = long.Parse(
            await MetaStore.GetAsync(connection, transaction, StoreSchema.ContentVersionKey, cancellationToken) ?? "0",
            CultureInfo.InvariantCulture);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM chunk_vectors;";
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var unitVectors = new float[checked(count * dimensions)];
        var chunkRowIds = new long[count];
        var documentOrdinals = new int[count];
        var ordinalsByDocument = new Dictionary<string, int>(StringComparer.Ordinal);
        var blob = new byte[dimensions * sizeof(float)];

        command.CommandText = """
            SELECT v.chunk_rowid, c.document_id, v.vector
            FROM chunk_vectors v JOIN chunks c ON c.rowid = v.chunk_rowid
            ORDER BY v.chunk_rowid;
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = 0;
        while (row < count && await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBytes(2, 0, null, 0, 0) != blob.Length)
            {
                throw new InvalidOperationException(
                    $"The vector of chunk row {reader.GetInt64(0)} does not have the store's {dimensions} dimensions; run the integrity check and re-embed.");
            }

            reader.GetBytes(2, 0, blob, 0, blob.Length);
            var target = unitVectors.AsSpan(row * dimensions, dimensions);
            MemoryMarshal.Cast<byte, float>(blob).CopyTo(target);
            Normalize(target);

            chunkRowIds[row] = reader.GetInt64(0);
            documentOrdinals[row] = OrdinalOf(reader.GetString(1), ordinalsByDocument);
            row++;
        }

        var documentIds = new string[ordinalsByDocument.Count];
        foreach (var (documentId, ordinal) in ordinalsByDocument)
        {
            documentIds[ordinal] = documentId;
        }

        if (row < count)
        {
            // Vectors whose chunk row is gone (a damaged store) were skipped by the join.
            (unitVectors, chunkRowIds, documentOrdinals) = (unitVectors[..(row * dimensions)], chunkRowIds[..row], documentOrdinals[..row]);
        }

        return new VectorSnapshot(contentVersion, dimensions, unitVectors, chunkRowIds, documentOrdinals, documentIds);
    }

    /// <summary>The <paramref name="top"/> most cosine-similar chunks, best first (ties by chunk row).</summary>
    public IReadOnlyList<(long ChunkRowId, double Score)> Search(ReadOnlySpan<float> query, int top, IReadOnlyCollection<string>? documentIds)
    {
        var unitQuery = query.ToArray();
        Normalize(unitQuery);
        var allowedDocuments = documentIds is null ? null : AllowedDocuments(documentIds);

        var best = new PriorityQueue<int, float>(Math.Min(top, _chunkRowIds.Length) + 1);
        for (var row = 0; row < _chunkRowIds.Length; row++)
        {
            if (allowedDocuments is not null && !allowedDocuments[_documentOrdinals[row]])
            {
                continue;
            }

            var score = TensorPrimitives.Dot(unitQuery, _unitVectors.AsSpan(row * Dimensions, Dimensions));
            if (best.Count < top)
            {
                best.Enqueue(row, score);
            }
            else if (best.TryPeek(out _, out var worstKept) && score > worstKept)
            {
                best.DequeueEnqueue(row, score);
            }
        }

        var results = new List<(long ChunkRowId, double Score)>(best.Count);
        while (best.TryDequeue(out var row, out var score))
        {
            results.Add((_chunkRowIds[row], score));
        }

        results.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.ChunkRowId.CompareTo(b.ChunkRowId));
        return results;
    }

    private bool[] AllowedDocuments(IReadOnlyCollection<string> documentIds)
    {
        var wanted = documentIds as IReadOnlySet<string> ?? documentIds.ToHashSet(StringComparer.Ordinal);
        var allowed = new bool[_documentIds.Length];
        for (var ordinal = 0; ordinal < _documentIds.Length; ordinal++)
        {
            allowed[ordinal] = wanted.Contains(_documentIds[ordinal]);
        }

        return allowed;
    }

    private static int OrdinalOf(string documentId, Dictionary<string, int> ordinalsByDocument)
    {
        ref var ordinal = ref CollectionsMarshal.GetValueRefOrAddDefault(ordinalsByDocument, documentId, out var exists);
        if (!exists)
        {
            ordinal = ordinalsByDocument.Count - 1;
        }

        return ordinal;
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
