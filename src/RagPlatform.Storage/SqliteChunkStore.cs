using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Core.Text;
using RagPlatform.Storage.Vectors;

namespace RagPlatform.Storage;

/// <summary>
/// The index in one embedded SQLite file: documents, chunks, an FTS5 keyword index over analyzed terms (BM25), and
/// float32 chunk vectors searched in memory (exactly, or through int8 codes for large collections). Every operation
/// uses its own pooled connection; with WAL, readers keep working while one writer replaces a document in a single
/// transaction.
/// </summary>
public sealed class SqliteChunkStore : IChunkStore, IChunkVectorReader
{
    private const int BusyTimeoutMilliseconds = 10_000;
    private const long MemoryMapBytes = 1L << 30;

    private readonly string _databasePath;
    private readonly string _connectionString;
    private readonly int _approximateSearchThreshold;
    private readonly ILogger<SqliteChunkStore> _logger;
    private readonly ITextAnalyzer _analyzer = MultilingualAnalyzer.Default;
    private readonly SemaphoreSlim _initializationLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _vectorLoadLock = new(1, 1);
    private volatile bool _initialized;
    private volatile VectorSnapshot? _vectors;
    private volatile bool _disposed;

    public SqliteChunkStore(IOptions<SqliteStoreOptions> options, ILogger<SqliteChunkStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.DirectoryPath) || string.IsNullOrWhiteSpace(settings.FileName))
        {
            throw new ArgumentException(
                $"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.DirectoryPath)} and .{nameof(SqliteStoreOptions.FileName)} must both be set.",
                nameof(options));
        }

        if (settings.ApproximateSearchThreshold < 0)
        {
            throw new ArgumentException(
                $"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.ApproximateSearchThreshold)} is {settings.ApproximateSearchThreshold}; " +
                "it must be zero or more (int.MaxValue keeps every dense search exact).",
                nameof(options));
        }

        _databasePath = settings.DatabasePath;
        _approximateSearchThreshold = settings.ApproximateSearchThreshold;
        _logger = logger ?? NullLogger<SqliteChunkStore>.Instance;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    /// <summary>The full path of the SQLite file, which is created on first use.</summary>
    public string DatabasePath => _databasePath;

    public async Task<DocumentInfo?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ChunkRows.DocumentColumns} FROM documents d WHERE d.id = $id;";
        command.Parameters.AddWithValue("$id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ChunkRows.ReadDocument(reader) : null;
    }

    public async Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ChunkRows.DocumentColumns} FROM documents d ORDER BY d.source_path;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<DocumentInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(ChunkRows.ReadDocument(reader));
        }

        return documents;
    }

    public async Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM documents WHERE id = $id;";
        command.Parameters.AddWithValue("$id", documentId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ChunkRows.ChunkColumns} FROM chunks c WHERE c.document_id = $id ORDER BY c.idx;";
        command.Parameters.AddWithValue("$id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chunks = new List<Chunk>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(ChunkRows.ReadChunk(reader));
        }

        return chunks;
    }

    /// <remarks>The stored chunk count is the number of chunks given, whatever <see cref="DocumentInfo.ChunkCount"/> says.</remarks>
    public async Task UpsertDocumentAsync(
        DocumentInfo document,
        string text,
        IReadOnlyList<Chunk> chunks,
        IReadOnlyList<ReadOnlyMemory<float>>? vectors,
        CancellationToken cancellationToken = default)
    {
        ValidateDocument(document, text, chunks, vectors);
        // Analysis is the expensive part of a write, so it happens before taking the writer's lock.
        var terms = AnalyzeChunks(chunks);

        await using var connection = await OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            if (vectors is not null)
            {
                await EnsureVectorsFitSignatureAsync(connection, transaction, document, vectors, cancellationToken);
            }

            var replaced = await DeleteDocumentRowsAsync(connection, transaction, document.Id, document.SourcePath, cancellationToken);
            await InsertDocumentAsync(connection, transaction, document, text, chunks.Count, cancellationToken);
            await InsertLabelsAsync(connection, transaction, document, cancellationToken);
            await InsertChunksAsync(connection, transaction, chunks, terms, vectors, cancellationToken);
            await ChangeLog.RecordAsync(connection, transaction, replaced.Append(document.Id).ToHashSet(StringComparer.Ordinal), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        StorageLog.DocumentStored(_logger, document.SourcePath, chunks.Count, vectors is not null);
    }

    public async Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        await using var connection = await OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var removed = await DeleteDocumentRowsAsync(connection, transaction, documentId, sourcePath: null, cancellationToken);
            if (removed.Count == 0)
            {
                return false;
            }

            await ChangeLog.RecordAsync(connection, transaction, removed, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        StorageLog.DocumentRemoved(_logger, documentId);
        return true;
    }

    /// <summary>BM25 over analyzed terms; <see cref="ScoredChunk.Score"/> is −bm25, so higher is better.</summary>
    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var match = FtsQuery.Build(_analyzer, query);
        if (match is null || filter?.MatchesNothing == true)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var documentFilter = DocumentFilterSql.From(filter);
        var documentCondition = documentFilter is null
            ? string.Empty
            : $"AND rowid IN (SELECT rowid FROM chunks WHERE document_id IN ({documentFilter.MatchingDocumentIds}))";
        command.CommandText = $"""
            SELECT {ChunkRows.ChunkColumns}, m.score
            FROM (
                SELECT rowid, bm25(chunk_terms, {StoreSchema.Bm25Weights}) AS score
                FROM chunk_terms
                WHERE chunk_terms MATCH $match {documentCondition}
                ORDER BY score, rowid
                LIMIT $top
            ) AS m
            JOIN chunks c ON c.rowid = m.rowid
            ORDER BY m.score, c.rowid;
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$top", top);
        documentFilter?.Bind(command);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<ScoredChunk>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new ScoredChunk(ChunkRows.ReadChunk(reader), -reader.GetDouble(ChunkRows.ChunkColumnCount)));
        }

        return results;
    }

    /// <summary>
    /// Cosine similarity against the stored vectors, exact for small collections and approximate (int8 scan, exact
    /// re-ranking) from <see cref="SqliteStoreOptions.ApproximateSearchThreshold"/> vectors; <see cref="ScoredChunk.Score"/> is the cosine.
    /// </summary>
    public async Task<IReadOnlyList<ScoredChunk>> VectorSearchAsync(ReadOnlyMemory<float> vector, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        await using var connection = await OpenAsync(cancellationToken);
        var signature = await ReadSignatureAsync(connection, transaction: null, cancellationToken);
        if (signature is null || filter?.MatchesNothing == true)
        {
            return [];
        }

        if (vector.Length != signature.Dimensions)
        {
            throw new InvalidOperationException(DimensionMismatchMessage(signature, vector.Length));
        }

        var allowedDocuments = await DocumentFilterSql.ResolveAsync(connection, filter, cancellationToken);
        if (allowedDocuments is { Count: 0 })
        {
            return [];
        }

        while (true)
        {
            var snapshot = await GetVectorSnapshotAsync(connection, signature.Dimensions, cancellationToken);
            var hits = snapshot.Search(vector.Span, top, allowedDocuments, _approximateSearchThreshold);
            if (hits.Count == 0)
            {
                return [];
            }

            // A write that lands after the snapshot could delete a hit's chunk or reuse its row id; then search again
            // in the newer content rather than return a stale chunk.
            var chunksByRowId = await ReadChunksAtVersionAsync(connection, snapshot.ContentVersion, hits, cancellationToken);
            if (chunksByRowId is not null)
            {
                return hits.Select(hit => new ScoredChunk(chunksByRowId[hit.ChunkRowId], hit.Score)).ToList();
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetChunkVectorsAsync(
        IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunkIds);
        var vectors = new Dictionary<string, ReadOnlyMemory<float>>(chunkIds.Count, StringComparer.Ordinal);
        if (chunkIds.Count == 0)
        {
            return vectors;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.id, v.vector FROM chunk_vectors v JOIN chunks c ON c.rowid = v.chunk_rowid
            WHERE c.id IN (SELECT value FROM json_each($chunkIds));
            """;
        command.Parameters.AddWithValue("$chunkIds", JsonSerializer.Serialize(chunkIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            vectors[reader.GetString(0)] = MemoryMarshal.Cast<byte, float>(reader.GetFieldValue<byte[]>(1)).ToArray();
        }

        return vectors;
    }

    public async Task<EmbeddingSignature?> GetEmbeddingSignatureAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadSignatureAsync(connection, transaction: null, cancellationToken);
    }

    /// <summary>
    /// Records which model the vectors come from. Setting the same signature again does nothing; a different one is
    /// refused while vectors of the old model are stored (call <see cref="ClearVectorsAsync"/> first to re-embed).
    /// </summary>
    public async Task SetEmbeddingSignatureAsync(EmbeddingSignature signature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentException.ThrowIfNullOrWhiteSpace(signature.ModelId, nameof(signature));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(signature.Dimensions, nameof(signature));

        await using var connection = await OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var stored = await ReadSignatureAsync(connection, transaction, cancellationToken);
            if (stored == signature)
            {
                return;
            }

            if (stored is not null && await CountVectorsAsync(connection, transaction, cancellationToken) > 0)
            {
                throw new InvalidOperationException(
                    $"The index '{_databasePath}' was embedded with model '{stored.ModelId}' ({stored.Dimensions} dimensions), not " +
                    $"'{signature.ModelId}' ({signature.Dimensions} dimensions). Use another store directory (--store) for this model, or delete the store and ingest again.");
            }

            await MetaStore.SetAsync(connection, transaction, StoreSchema.EmbeddingModelKey, signature.ModelId, cancellationToken);
            await MetaStore.SetAsync(connection, transaction, StoreSchema.EmbeddingDimensionsKey, signature.Dimensions.ToString(CultureInfo.InvariantCulture), cancellationToken);
            await ChangeLog.RecordAsync(connection, transaction, documentIds: null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        StorageLog.SignatureSet(_logger, signature.ModelId, signature.Dimensions);
    }

    /// <summary>Deletes every stored vector and the embedding signature, so the index can be embedded with another model.</summary>
    public async Task ClearVectorsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM chunk_vectors;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await MetaStore.DeleteAsync(connection, transaction, StoreSchema.EmbeddingModelKey, cancellationToken);
            await MetaStore.DeleteAsync(connection, transaction, StoreSchema.EmbeddingDimensionsKey, cancellationToken);
            await ChangeLog.RecordAsync(connection, transaction, documentIds: null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        _vectors = null;
        StorageLog.VectorsCleared(_logger);
    }

    /// <summary>Problems found in the stored data (orphans, keyword-index drift, chunk counts, SQLite's own check); empty when healthy.</summary>
    public async Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken = default) =>
        (await DiagnoseAsync(cancellationToken)).Problems;

    /// <summary>Runs every integrity check and counts what is stored; see <see cref="StoreDiagnosis"/>.</summary>
    public async Task<StoreDiagnosis> DiagnoseAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var checks = await StoreIntegrity.CheckAsync(connection, cancellationToken);
        StoreContents? contents;
        try
        {
            contents = await StoreIntegrity.CountAsync(connection, await ReadSignatureAsync(connection, transaction: null, cancellationToken), cancellationToken);
        }
        catch (SqliteException)
        {
            // The checks above already name the damage that stops counting.
            contents = null;
        }

        return new StoreDiagnosis(_databasePath, checks, contents);
    }

    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        _vectors = null;
        // Pooled connections keep the file open; release them so the directory can be moved or deleted.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initializationLock.Dispose();
        _writeLock.Dispose();
        _vectorLoadLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializationLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await StoreSchema.EnsureAsync(connection, _databasePath, cancellationToken);
            _initialized = true;
            StorageLog.Opened(_logger, _databasePath, StoreSchema.CurrentVersion);
        }
        catch (SqliteException exception)
        {
            throw new InvalidOperationException(
                $"Cannot open the index '{_databasePath}': {exception.Message}. If it is not a ragp index, point ragp at another store directory.",
                exception);
        }
        finally
        {
            _initializationLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            // NORMAL is safe under WAL: a crash can lose the last commit but never tears one. Memory-mapped reads
            // make loading every vector several times faster than read() calls page by page.
            pragmas.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = {MemoryMapBytes};";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void ValidateDocument(DocumentInfo document, string text, IReadOnlyList<Chunk> chunks, IReadOnlyList<ReadOnlyMemory<float>>? vectors)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(chunks);
        if (string.IsNullOrWhiteSpace(document.Id) || string.IsNullOrWhiteSpace(document.SourcePath))
        {
            throw new ArgumentException("A document needs an Id and a SourcePath to be stored.", nameof(document));
        }

        foreach (var chunk in chunks)
        {
            if (chunk.DocumentId != document.Id)
            {
                throw new ArgumentException(
                    $"Chunk '{chunk.Id}' given with '{document.SourcePath}' belongs to document '{chunk.DocumentId}', not '{document.Id}'.",
                    nameof(chunks));
            }

            var selectsItsText = chunk.StartOffset >= 0 && chunk.StartOffset <= chunk.EndOffset && chunk.EndOffset <= text.Length &&
                text.AsSpan(chunk.StartOffset, chunk.EndOffset - chunk.StartOffset).SequenceEqual(chunk.Text);
            if (!selectsItsText)
            {
                throw new ArgumentException(
                    $"Chunk '{chunk.Id}' of '{document.SourcePath}' has offsets {chunk.StartOffset}..{chunk.EndOffset}, which do not select " +
                    $"its text in the document's {text.Length}-character normalised text.",
                    nameof(chunks));
            }
        }

        if (vectors is not null && vectors.Count != chunks.Count)
        {
            throw new InvalidOperationException(
                $"'{document.SourcePath}' has {chunks.Count} chunks but {vectors.Count} vectors were given; every chunk needs exactly one vector, in chunk order.");
        }
    }

    private ChunkTerms[] AnalyzeChunks(IReadOnlyList<Chunk> chunks)
    {
        // Every chunk of a document usually repeats the same title and a few heading paths.
        var analyzedLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        var terms = new ChunkTerms[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            terms[i] = new ChunkTerms(Terms(chunk.Text), LabelTerms(chunk.HeadingPath), LabelTerms(chunk.Title));
        }

        return terms;

        string LabelTerms(string label)
        {
            ref var analyzed = ref CollectionsMarshal.GetValueRefOrAddDefault(analyzedLabels, label, out var exists);
            if (!exists)
            {
                analyzed = Terms(label);
            }

            return analyzed!;
        }

        string Terms(string text) => string.Join(' ', _analyzer.Analyze(text));
    }

    private async Task EnsureVectorsFitSignatureAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentInfo document, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        if (vectors.Count == 0)
        {
            return;
        }

        var signature = await ReadSignatureAsync(connection, transaction, cancellationToken) ?? throw new InvalidOperationException(
            $"Vectors were given for '{document.SourcePath}' but the index '{_databasePath}' has no embedding signature; call " +
            $"{nameof(SetEmbeddingSignatureAsync)} with the embedding model first.");

        foreach (var vector in vectors)
        {
            if (vector.Length != signature.Dimensions)
            {
                throw new InvalidOperationException(DimensionMismatchMessage(signature, vector.Length));
            }
        }
    }

    private string DimensionMismatchMessage(EmbeddingSignature signature, int dimensions) =>
        $"The index '{_databasePath}' was embedded with model '{signature.ModelId}' ({signature.Dimensions} dimensions), but this vector has " +
        $"{dimensions} dimensions. Use another store directory (--store) for this model, or delete the store and ingest again.";

    /// <returns>The ids of the documents deleted.</returns>
    private static async Task<IReadOnlyList<string>> DeleteDocumentRowsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string documentId, string? sourcePath, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$id", documentId);
        command.Parameters.AddWithValue("$path", (object?)sourcePath ?? DBNull.Value);

        // The FTS table is virtual, so the cascade from documents cannot reach it.
        command.CommandText = """
            DELETE FROM chunk_terms WHERE rowid IN (
                SELECT c.rowid FROM chunks c JOIN documents d ON d.id = c.document_id
                WHERE d.id = $id OR d.source_path = $path);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);

        command.CommandText = "DELETE FROM documents WHERE id = $id OR source_path = $path RETURNING id;";
        var deleted = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deleted.Add(reader.GetString(0));
        }

        return deleted;
    }

    private static async Task InsertDocumentAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentInfo document, string text, int chunkCount, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO documents (id, source_path, title, format, content_hash, size_bytes, language, ingested_at, chunk_count, text)
            VALUES ($id, $source_path, $title, $format, $content_hash, $size_bytes, $language, $ingested_at, $chunk_count, $text);
            """;
        command.Parameters.AddWithValue("$id", document.Id);
        command.Parameters.AddWithValue("$source_path", document.SourcePath);
        command.Parameters.AddWithValue("$title", document.Title);
        command.Parameters.AddWithValue("$format", document.Format);
        command.Parameters.AddWithValue("$content_hash", document.ContentHash);
        command.Parameters.AddWithValue("$size_bytes", document.SizeBytes);
        command.Parameters.AddWithValue("$language", document.Language);
        command.Parameters.AddWithValue("$ingested_at", ChunkRows.FormatTimestamp(document.IngestedAt));
        command.Parameters.AddWithValue("$chunk_count", chunkCount);
        command.Parameters.AddWithValue("$text", text);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertLabelsAsync(SqliteConnection connection, SqliteTransaction transaction, DocumentInfo document, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO document_tags (document_id, tag, position)
            SELECT $id, value, min(key) FROM json_each($tags) GROUP BY value;
            INSERT INTO document_metadata (document_id, key, value) SELECT $id, key, value FROM json_each($metadata);
            """;
        command.Parameters.AddWithValue("$id", document.Id);
        command.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(document.Tags));
        command.Parameters.AddWithValue("$metadata", JsonSerializer.Serialize(document.Metadata));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertChunksAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<Chunk> chunks,
        ChunkTerms[] terms,
        IReadOnlyList<ReadOnlyMemory<float>>? vectors,
        CancellationToken cancellationToken)
    {
        await using var insertChunk = connection.CreateCommand();
        insertChunk.Transaction = transaction;
        insertChunk.CommandText = """
            INSERT INTO chunks (id, document_id, idx, text, source_path, title, heading_path, page, start_offset, end_offset, token_count)
            VALUES ($id, $document_id, $idx, $text, $source_path, $title, $heading_path, $page, $start_offset, $end_offset, $token_count)
            RETURNING rowid;
            """;
        var chunkParameters = AddParameters(insertChunk,
            "$id", "$document_id", "$idx", "$text", "$source_path", "$title", "$heading_path", "$page", "$start_offset", "$end_offset", "$token_count");

        await using var insertTerms = connection.CreateCommand();
        insertTerms.Transaction = transaction;
        insertTerms.CommandText = "INSERT INTO chunk_terms (rowid, body, headings, title) VALUES ($rowid, $body, $headings, $title);";
        var termParameters = AddParameters(insertTerms, "$rowid", "$body", "$headings", "$title");

        await using var insertVector = connection.CreateCommand();
        insertVector.Transaction = transaction;
        insertVector.CommandText = "INSERT INTO chunk_vectors (chunk_rowid, vector) VALUES ($rowid, $vector);";
        var vectorParameters = AddParameters(insertVector, "$rowid", "$vector");

        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            chunkParameters[0].Value = chunk.Id;
            chunkParameters[1].Value = chunk.DocumentId;
            chunkParameters[2].Value = chunk.Index;
            chunkParameters[3].Value = chunk.Text;
            chunkParameters[4].Value = chunk.SourcePath;
            chunkParameters[5].Value = chunk.Title;
            chunkParameters[6].Value = chunk.HeadingPath;
            chunkParameters[7].Value = (object?)chunk.Page ?? DBNull.Value;
            chunkParameters[8].Value = chunk.StartOffset;
            chunkParameters[9].Value = chunk.EndOffset;
            chunkParameters[10].Value = chunk.TokenCount;
            var rowId = (long)(await insertChunk.ExecuteScalarAsync(cancellationToken))!;

            termParameters[0].Value = rowId;
            termParameters[1].Value = terms[i].Body;
            termParameters[2].Value = terms[i].Headings;
            termParameters[3].Value = terms[i].Title;
            await insertTerms.ExecuteNonQueryAsync(cancellationToken);

            if (vectors is not null)
            {
                vectorParameters[0].Value = rowId;
                vectorParameters[1].Value = MemoryMarshal.AsBytes(vectors[i].Span).ToArray();
                await insertVector.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names)
    {
        var parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = names[i] });
        }

        return parameters;
    }

    private static async Task<EmbeddingSignature?> ReadSignatureAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT key, value FROM meta WHERE key IN ($model, $dimensions);";
        command.Parameters.AddWithValue("$model", StoreSchema.EmbeddingModelKey);
        command.Parameters.AddWithValue("$dimensions", StoreSchema.EmbeddingDimensionsKey);
        string? modelId = null;
        int? dimensions = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) == StoreSchema.EmbeddingModelKey)
            {
                modelId = reader.GetString(1);
            }
            else
            {
                dimensions = int.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }
        }

        return modelId is not null && dimensions is { } known ? new EmbeddingSignature(modelId, known) : null;
    }

    private static async Task<long> CountVectorsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM chunk_vectors;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<VectorSnapshot> GetVectorSnapshotAsync(SqliteConnection connection, int dimensions, CancellationToken cancellationToken)
    {
        var contentVersion = await ChangeLog.ReadVersionAsync(connection, transaction: null, cancellationToken);
        if (_vectors is { } cached && cached.ContentVersion == contentVersion && cached.Dimensions == dimensions)
        {
            return cached;
        }

        await _vectorLoadLock.WaitAsync(cancellationToken);
        try
        {
            var current = _vectors;
            if (current is not null && current.ContentVersion >= contentVersion && current.Dimensions == dimensions)
            {
                return current;
            }

            var snapshot = current is not null && current.Dimensions == dimensions
                ? await current.RefreshAsync(connection, cancellationToken)
                : await VectorSnapshot.LoadAsync(connection, dimensions, cancellationToken);
            _vectors = snapshot;
            StorageLog.VectorsLoaded(_logger, snapshot.Count, dimensions, snapshot.ContentVersion);
            return snapshot;
        }
        finally
        {
            _vectorLoadLock.Release();
        }
    }

    /// <returns>The hits' chunks by row id, or null when the store is no longer at <paramref name="contentVersion"/>.</returns>
    private static async Task<Dictionary<long, Chunk>?> ReadChunksAtVersionAsync(
        SqliteConnection connection, long contentVersion, IReadOnlyList<(long ChunkRowId, double Score)> hits, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: true);
        if (await ChangeLog.ReadVersionAsync(connection, transaction, cancellationToken) != contentVersion)
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT c.rowid, {ChunkRows.ChunkColumns} FROM chunks c WHERE c.rowid IN (SELECT value FROM json_each($rowIds));";
        command.Parameters.AddWithValue("$rowIds", JsonSerializer.Serialize(hits.Select(hit => hit.ChunkRowId)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chunks = new Dictionary<long, Chunk>(hits.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks[reader.GetInt64(0)] = ChunkRows.ReadChunk(reader, firstColumn: 1);
        }

        return chunks;
    }

    private readonly record struct ChunkTerms(string Body, string Headings, string Title);
}
