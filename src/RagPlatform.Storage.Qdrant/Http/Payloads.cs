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
}

/// <summary>What a point in the documents collection holds.</summary>
internal static class RecordKinds
{
    public const string Document = "document";
    public const string EmbeddingSignature = "embedding_signature";
}

/// <summary>A chunk point's payload: the chunk itself plus its document's language for filtering.</summary>
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
    [property: JsonPropertyName(PayloadFields.Language)] string Language)
{
    public static ChunkPayload From(Chunk chunk, string language) => new(
        chunk.DocumentId, chunk.Index, chunk.Text, chunk.SourcePath, chunk.Title, chunk.HeadingPath, chunk.Page,
        chunk.StartOffset, chunk.EndOffset, chunk.TokenCount, language);

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
    [property: JsonPropertyName(PayloadFields.Text)] string? Text)
{
    public static DocumentPayload From(DocumentInfo document, string text) => new(
        RecordKinds.Document, document.Id, document.SourcePath, document.Title, document.Format, document.ContentHash,
        document.SizeBytes, document.Language, document.IngestedAt, document.ChunkCount, text);

    public DocumentInfo ToDocumentInfo() => new(
        DocumentId, SourcePath, Title, Format, ContentHash, SizeBytes, Language, IngestedAt, ChunkCount);
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
