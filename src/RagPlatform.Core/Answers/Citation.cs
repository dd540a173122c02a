namespace RagPlatform.Core.Answers;

/// <summary>
/// A numbered source reference: the answer text carries "[Number]" and this record says where it comes from.
/// <see cref="StartOffset"/>/<see cref="EndOffset"/> locate <see cref="Quote"/> in the document's normalised text.
/// </summary>
public sealed record Citation(
    int Number,
    string ChunkId,
    string DocumentId,
    string SourcePath,
    string Title,
    string HeadingPath,
    int? Page,
    string Quote,
    int StartOffset,
    int EndOffset);
