namespace RagPlatform.Ingestion.Tests;

internal static class ReaderTestExtensions
{
    public static async Task<ExtractedDocument> ReadBytesAsync(this IDocumentReader reader, byte[] bytes, string sourcePath = "docs/sample")
    {
        using var stream = new MemoryStream(bytes);
        return await reader.ReadAsync(stream, sourcePath, CancellationToken.None);
    }

    public static IEnumerable<string> Texts(this ExtractedDocument document) =>
        DocumentContent.Create(document).Text.Split(DocumentContent.BlockSeparator);
}
