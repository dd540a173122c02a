using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Generation;
using RagPlatform.Core.Storage;
using RagPlatform.Core.Text;
using RagPlatform.Ingestion;

namespace RagPlatform.Rag.Ingestion;

/// <summary>
/// Ingestion end to end: find and read files, chunk them, embed the chunks when an embedding model is configured,
/// and store each document in one transaction. A bad file is reported and skipped; the others still go in, and
/// whatever was stored before stays intact.
/// </summary>
public sealed class DocumentIngestionService(
    DocumentLoader loader,
    TextChunker chunker,
    IChunkStore store,
    ILogger<DocumentIngestionService> logger,
    TimeProvider? clock = null,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<IngestionReport> IngestAsync(
        IReadOnlyList<string> paths,
        IngestionRunOptions? options = null,
        IProgress<IngestionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new IngestionRunOptions();
        var labels = DocumentLabelSet.From(options);
        var embedder = embeddings is null ? null : await ChunkEmbedder.CreateAsync(embeddings, store, cancellationToken).ConfigureAwait(false);
        var total = loader.CountFiles(paths);
        var results = new List<FileIngestionResult>();
        UnchangedCheck? isUnchanged = options.Force ? null : (path, hash, ct) => IsUnchangedAsync(path, hash, labels, embedder, ct);
        await foreach (var loaded in loader.LoadAsync(paths, isUnchanged, cancellationToken).ConfigureAwait(false))
        {
            var result = loaded switch
            {
                LoadFailure failure => Failed(failure.SourcePath, failure.Reason),
                UnchangedDocument unchanged => await UnchangedAsync(unchanged, cancellationToken).ConfigureAwait(false),
                LoadedDocument document => await StoreAsync(document, labels, embedder, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"Unexpected load result {loaded.GetType().Name}."),
            };
            results.Add(result);
            progress?.Report(new IngestionProgress(results.Count, Math.Max(total, results.Count), result));
        }

        return new IngestionReport(results);
    }

    private async ValueTask<bool> IsUnchangedAsync(
        string path, string hash, DocumentLabelSet labels, ChunkEmbedder? embedder, CancellationToken cancellationToken)
    {
        var existing = await store.GetDocumentAsync(DocumentIdentity.ForPath(path), cancellationToken).ConfigureAwait(false);
        return existing?.ContentHash == hash && labels.AreOn(existing) && (embedder is null || embedder.StoreHasVectors);
    }

    private async Task<FileIngestionResult> UnchangedAsync(UnchangedDocument document, CancellationToken cancellationToken)
    {
        var id = DocumentIdentity.ForPath(document.SourcePath);
        var existing = await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
        return new FileIngestionResult(document.SourcePath, IngestionOutcome.Unchanged, id, existing?.ChunkCount ?? 0, null);
    }

    private async Task<FileIngestionResult> StoreAsync(
        LoadedDocument document, DocumentLabelSet labels, ChunkEmbedder? embedder, CancellationToken cancellationToken)
    {
        var id = DocumentIdentity.ForPath(document.SourcePath);
        try
        {
            var content = document.Content;
            var chunks = chunker.Chunk(content)
                .Select((draft, index) => new Chunk(
                    Chunk.CreateId(id, index), id, index, draft.Text, document.SourcePath, content.Title,
                    draft.HeadingPath, draft.Page, draft.StartOffset, draft.EndOffset, draft.TokenCount))
                .ToList();
            if (chunks.Count == 0)
            {
                return Failed(document.SourcePath, "no indexable text after normalisation; nothing was stored");
            }

            var vectors = embedder is null ? null : await embedder.EmbedAsync(chunks, cancellationToken).ConfigureAwait(false);
            var existing = await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
            var info = new DocumentInfo(
                id, document.SourcePath, content.Title, document.Format, document.ContentHash, document.SizeBytes,
                LanguageDetector.Detect(content.Text), _clock.GetUtcNow(), chunks.Count)
            {
                Tags = labels.Tags,
                Metadata = labels.Metadata,
            };
            await store.UpsertDocumentAsync(info, content.Text, chunks, vectors, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Indexed {Path}: {Chunks} chunks", document.SourcePath, chunks.Count);
            return new FileIngestionResult(document.SourcePath, existing is null ? IngestionOutcome.Added : IngestionOutcome.Updated, id, chunks.Count, null);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
        {
            logger.LogWarning(e, "Failed to index {Path}", document.SourcePath);
            return Failed(document.SourcePath, e.Message);
        }
    }

    private static FileIngestionResult Failed(string path, string reason) => new(path, IngestionOutcome.Failed, null, 0, reason);

    /// <summary>The checked labels of a run, and whether a stored document already carries exactly them.</summary>
    private sealed record DocumentLabelSet(IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Metadata)
    {
        /// <exception cref="ArgumentException">A malformed tag or metadata entry; the message names it.</exception>
        public static DocumentLabelSet From(IngestionRunOptions options) => new(
            DocumentLabels.NormalizeTags(options.Tags ?? [], "tags"),
            DocumentLabels.NormalizeMetadata(options.Metadata ?? new Dictionary<string, string>(), "metadata"));

        public bool AreOn(DocumentInfo document) =>
            document.Tags.ToHashSet(StringComparer.Ordinal).SetEquals(Tags)
            && document.Metadata.Count == Metadata.Count
            && Metadata.All(entry => document.Metadata.TryGetValue(entry.Key, out var value) && value == entry.Value);
    }

    /// <summary>Embeds chunks as passages and guards the store against vectors from a different model.</summary>
    private sealed class ChunkEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, IChunkStore store, string modelId, bool storeHasVectors)
    {
        public bool StoreHasVectors { get; private set; } = storeHasVectors;

        public static async Task<ChunkEmbedder> CreateAsync(
            IEmbeddingGenerator<string, Embedding<float>> generator, IChunkStore store, CancellationToken cancellationToken)
        {
            var modelId = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";
            var stored = await store.GetEmbeddingSignatureAsync(cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.ModelId != modelId)
            {
                throw new InvalidOperationException(
                    $"The store's vectors come from embedding model '{stored.ModelId}' ({stored.Dimensions} dimensions) but the configured model is '{modelId}'. " +
                    "Use a separate store for this model (--store <dir>), or delete the store directory and ingest again.");
            }

            return new ChunkEmbedder(generator, store, modelId, stored is not null);
        }

        public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<Chunk> chunks, CancellationToken cancellationToken)
        {
            var embeddings = await generator.GenerateAsync(chunks.Select(c => c.Text), EmbeddingInputKind.ForPassages(), cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != chunks.Count)
            {
                throw new InvalidOperationException($"Embedding model '{modelId}' returned {embeddings.Count} vectors for {chunks.Count} chunks.");
            }

            if (!StoreHasVectors)
            {
                await store.SetEmbeddingSignatureAsync(new EmbeddingSignature(modelId, embeddings[0].Vector.Length), cancellationToken).ConfigureAwait(false);
                StoreHasVectors = true;
            }

            return embeddings.Select(e => e.Vector).ToList();
        }
    }
}
