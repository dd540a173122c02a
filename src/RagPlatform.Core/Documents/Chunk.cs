namespace RagPlatform.Core.Documents;

/// <summary>
/// A retrievable passage. <see cref="StartOffset"/> and <see cref="EndOffset"/> index the document's normalised
/// text (the text the index stores), so <c>documentText[StartOffset..EndOffset] == Text</c> always holds.
/// </summary>
/// <param name="Id">"{DocumentId}:{Index}".</param>
/// <param name="HeadingPath">Headings above the passage joined with " > ", or empty.</param>
/// <param name="Page">1-based page for paginated formats (PDF), otherwise null.</param>
public sealed record Chunk(
    string Id,
    string DocumentId,
    int Index,
    string Text,
    string SourcePath,
    string Title,
    string HeadingPath,
    int? Page,
    int StartOffset,
    int EndOffset,
    int TokenCount)
{
    public static string CreateId(string documentId, int index) => $"{documentId}:{index}";
}
