namespace RagPlatform.Ingestion;

/// <summary>
/// A chunk before it gets a document id: <c>content.Text[StartOffset..EndOffset] == Text</c>, and the heading path and
/// page are those of the one section the chunk lies in.
/// </summary>
/// <param name="TokenCount">The tokenizer's count for <see cref="Text"/>, never above <see cref="ChunkingOptions.MaxTokens"/>.</param>
public sealed record ChunkDraft(string Text, int StartOffset, int EndOffset, string HeadingPath, int? Page, int TokenCount);
