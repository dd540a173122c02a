using System.Text.Json.Serialization;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Storage;

namespace RagPlatform.Storage.Qdrant.Http;

/// <summary>Payload keys the store filters on or selects; the payload records below bind to the same names.</summary>
internal static class PayloadFields
{
    public const string DocumentId = "document_id";
    public const string SourcePath = "source_path";
    public const string Language = "language";
    public const string Kind = "kind";
    public const string Text = "text";
    public const string Tags = "tags";

    /// <summary>The nested object of a document's metadata; one key is the field "meta.{key}".</summary>
    public const string Metadata = "meta";

    public static string MetadataKey(string key) => $"{Metadata}.{key}";
}

/// <summary>What a point in the documents collection holds.</summary>
internal static class RecordKinds
{
    public const string Document = "document";
    public const string EmbeddingSignature = "embedding_signature";
}

/// <summary>
/// A chunk point's payload: the chunk itself plus its document's language, tags and metadata for filtering (the
/// labels are left out when the document has none).
/// </summary>
internal sealed record ChunkPayload(
    [property: JsonPropertyName(PayloadFields.DocumentId)] string DocumentId,
    int Index,
    [property: JsonPropertyName(PayloadFields.Text)] string Text,
    [property: JsonPropertyName(PayloadFields.SourcePath)] string SourcePath,
    string Title,
    string HeadingPath,
    int? Page,
    int StartOffset,
    int EndOffset,
    int TokenCount,
    [property: JsonPropertyName(PayloadFields.Language)] string Language,
    [property: JsonPropertyName(PayloadFields.Tags)] IReadOnlyList<string>? Tags = null,
    [property: JsonPropertyName(PayloadFields.Metadata)] IReadOnlyDictionary<string, string>? Metadata = null)
{
    public static ChunkPayload From(Chunk chunk, DocumentInfo document) => new(
        chunk.DocumentId, chunk.Index, chunk.Text, chunk.SourcePath, chunk.Title, chunk.HeadingPath, chunk.Page,
        chunk.StartOffset, chunk.EndOffset, chunk.TokenCount, document.Language,
        DocumentLabelPayload.Tags(document), DocumentLabelPayload.Metadata(document));

    public Chunk ToChunk() => new(
        Chunk.CreateId(DocumentId, Index), DocumentId, Index, Text, SourcePath, Title, HeadingPath, Page,
        StartOffset, EndOffset, TokenCount);
}

/// <summary>A document record: <see cref="DocumentInfo"/> and the full normalised text (left out when listing).</summary>
internal sealed record DocumentPayload(
    [property: JsonPropertyName(PayloadFields.Kind)] string Kind,
    [property: JsonPropertyName(PayloadFields.DocumentId)] string DocumentId,
    [property: JsonPropertyName(PayloadFields.SourcePath)] string SourcePath,
    string Title,
    string Format,
    string ContentHash,
    long SizeBytes,
    [property: JsonPropertyName(PayloadFields.Language)] string Language,
    DateTimeOffset IngestedAt,
    int ChunkCount,
    [property: JsonPropertyName(PayloadFields.Text)] string? Text,
    [property: JsonPropertyName(PayloadFields.Tags)] IReadOnlyList<string>? Tags = null,
    [property: JsonPropertyName(PayloadFields.Metadata)] IReadOnlyDictionary<string, string>? Metadata = null)
{
    public static DocumentPayload From(DocumentInfo document, string text) => new(
        RecordKinds.Document, document.Id, document.SourcePath, document.Title, document.Format, document.ContentHash,
        document.SizeBytes, document.Language, document.IngestedAt, document.ChunkCount, text,
        DocumentLabelPayload.Tags(document), DocumentLabelPayload.Metadata(document));

    public DocumentInfo ToDocumentInfo()
    {
        var document = new DocumentInfo(DocumentId, SourcePath, Title, Format, ContentHash, SizeBytes, Language, IngestedAt, ChunkCount);
        // Unlabelled documents keep DocumentInfo's shared empty defaults, so they stay equal to the records written.
        return document with
        {
            Tags = Tags is { Count: > 0 } tags ? tags : document.Tags,
            Metadata = Metadata is { Count: > 0 } metadata ? metadata : document.Metadata,
        };
    }
}

/// <summary>A document's labels as payload members: left out (null) when it has none, so unlabelled points stay as they were.</summary>
internal static class DocumentLabelPayload
{
    public static IReadOnlyList<string>? Tags(DocumentInfo document) => document.Tags.Count == 0 ? null : document.Tags;

    public static IReadOnlyDictionary<string, string>? Metadata(DocumentInfo document) =>
        document.Metadata.Count == 0 ? null : document.Metadata;
}

/// <summary>A document record read with only its text selected.</summary>
internal sealed record DocumentTextPayload([property: JsonPropertyName(PayloadFields.Text)] string? Text);

/// <summary>The reserved record naming the embedding model of the stored dense vectors.</summary>
internal sealed record EmbeddingSignaturePayload(
    [property: JsonPropertyName(PayloadFields.Kind)] string Kind,
    string ModelId,
    int Dimensions)
{
    public static EmbeddingSignaturePayload From(EmbeddingSignature signature) =>
        new(RecordKinds.EmbeddingSignature, signature.ModelId, signature.Dimensions);

    public EmbeddingSignature ToSignature() => new(ModelId, Dimensions);
}
