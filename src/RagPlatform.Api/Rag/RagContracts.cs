using System.Text.Json;
using System.Text.Json.Serialization;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Rag.Documents;
using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Api.Rag;

/// <param name="PromptComponents">Prompt-library choices by component (persona, tone, …); omitted ones use the defaults.</param>
/// <param name="DocumentIds">Restricts retrieval to these documents; omitted searches everything.</param>
/// <param name="Tags">Restricts retrieval to documents carrying every one of these tags.</param>
/// <param name="Metadata">Restricts retrieval to documents with exactly these metadata values.</param>
/// <param name="HybridWeight">Hybrid search balance, 0 (keyword only) to 1 (semantic only); omitted uses the configured weights.</param>
internal sealed record AskRequestDto(
    string? Question,
    IReadOnlyList<ConversationTurnDto>? History = null,
    int? TopK = null,
    IReadOnlyList<string>? DocumentIds = null,
    IReadOnlyDictionary<string, string>? PromptComponents = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    double? HybridWeight = null);

internal sealed record ConversationTurnDto(string Question, string Answer);

/// <param name="Mode">"extractive" or "generative".</param>
/// <param name="Context">The retrieved chunks the answer was built from, best first, with their retrieval scores.</param>
internal sealed record AskResponseDto(
    string Question,
    string Answer,
    IReadOnlyList<CitationDto> Citations,
    bool Abstained,
    string Language,
    string Mode,
    IReadOnlyList<ContextChunkDto> Context)
{
    public static AskResponseDto From(GroundedAnswer answer) => new(
        answer.Question,
        answer.Text,
        [.. answer.Citations.Select(c => new CitationDto(
            c.Number, c.ChunkId, c.DocumentId, c.SourcePath, c.Title, c.HeadingPath, c.Page, c.Quote, c.StartOffset, c.EndOffset))],
        answer.Abstained,
        answer.Language,
        answer.Mode == AnswerMode.Generative ? "generative" : "extractive",
        [.. answer.Context.Select(ContextChunkDto.From)]);
}

/// <param name="StartOffset">Where the quote starts in the document's normalised text.</param>
internal sealed record CitationDto(
    int Number, string ChunkId, string DocumentId, string SourcePath, string Title, string HeadingPath, int? Page,
    string Quote, int StartOffset, int EndOffset);

internal sealed record ContextChunkDto(
    string ChunkId, string DocumentId, string SourcePath, string Title, string HeadingPath, int? Page,
    int StartOffset, int EndOffset, string Text, double Score)
{
    public static ContextChunkDto From(ScoredChunk scored)
    {
        var c = scored.Chunk;
        return new(c.Id, c.DocumentId, c.SourcePath, c.Title, c.HeadingPath, c.Page, c.StartOffset, c.EndOffset, c.Text, scored.Score);
    }
}

/// <summary>The data of an "event: delta" of /api/ask/stream.</summary>
internal sealed record AnswerDeltaDto(string Text);

/// <summary>The data of an "event: error" of a stream.</summary>
internal sealed record StreamErrorDto(string Message, string? Code);

internal sealed record DocumentDto(
    string Id, string SourcePath, string Title, string Format, string ContentHash, long SizeBytes, string Language,
    DateTimeOffset IngestedAt, int ChunkCount, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Metadata)
{
    public static DocumentDto From(DocumentInfo d) =>
        new(d.Id, d.SourcePath, d.Title, d.Format, d.ContentHash, d.SizeBytes, d.Language, d.IngestedAt, d.ChunkCount, d.Tags, d.Metadata);
}

internal sealed record DocumentDetailsDto(DocumentDto Document, IReadOnlyList<ChunkDto> Chunks)
{
    public static DocumentDetailsDto From(DocumentDetails details) => new(
        DocumentDto.From(details.Document),
        [.. details.Chunks.Select(c => new ChunkDto(c.Id, c.Index, c.Text, c.HeadingPath, c.Page, c.StartOffset, c.EndOffset, c.TokenCount))]);
}

internal sealed record ChunkDto(string Id, int Index, string Text, string HeadingPath, int? Page, int StartOffset, int EndOffset, int TokenCount);

internal sealed record UploadResponseDto(IReadOnlyList<UploadedFileDto> Files);

/// <param name="FileName">The name the client sent, reduced to a safe file name.</param>
/// <param name="Outcome">"added", "updated", "unchanged" or "failed".</param>
internal sealed record UploadedFileDto(string FileName, string Outcome, string? DocumentId, int ChunkCount, string? Error)
{
    public static UploadedFileDto Failed(string fileName, string error) => new(fileName, "failed", null, 0, error);

    public static UploadedFileDto From(string fileName, FileIngestionResult result) => new(
        fileName, result.Outcome.ToString().ToLowerInvariant(), result.DocumentId, result.ChunkCount, result.Error);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AskRequestDto))]
[JsonSerializable(typeof(AskResponseDto))]
[JsonSerializable(typeof(AnswerDeltaDto))]
[JsonSerializable(typeof(StreamErrorDto))]
[JsonSerializable(typeof(IReadOnlyList<DocumentDto>))]
[JsonSerializable(typeof(DocumentDto))]
[JsonSerializable(typeof(DocumentDetailsDto))]
[JsonSerializable(typeof(UploadResponseDto))]
internal sealed partial class RagJsonContext : JsonSerializerContext;
