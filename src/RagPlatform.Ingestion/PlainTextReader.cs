namespace RagPlatform.Ingestion;

/// <summary>Plain text: paragraphs are separated by blank lines; the title is the first line when it is short.</summary>
internal sealed class PlainTextReader : IDocumentReader
{
    private const int MaxTitleLength = 120;

    public string Format => "txt";

    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text"];

    public async Task<ExtractedDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var text = await TextFileDecoder.ReadAllTextAsync(content, sourcePath, cancellationToken);
        var blocks = Paragraphs.SplitOnBlankLines(text).Select(paragraph => new DocumentBlock(paragraph, string.Empty, null)).ToList();
        return new ExtractedDocument(DocumentTitles.Choose(sourcePath, FirstLine(text)), blocks);
    }

    private static string? FirstLine(string text)
    {
        var firstLine = text.AsSpan().TrimStart();
        var end = firstLine.IndexOfAny('\r', '\n');
        var line = (end < 0 ? firstLine : firstLine[..end]).Trim();
        return line.Length <= MaxTitleLength ? line.ToString() : null;
    }
}
