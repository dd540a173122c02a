using RagPlatform.Core.Documents;
using RagPlatform.Core.Storage;

namespace RagPlatform.Storage.Tests.Support;

/// <summary>Builds documents whose chunks are paragraphs with exact offsets into the document text.</summary>
internal static class TestDocuments
{
    public const string Separator = "\n\n";

    public static TestDocument Create(string id, string title, params string[] paragraphs) =>
        CreateWithHeadings(id, title, paragraphs.Select(paragraph => (Heading: "", Text: paragraph)).ToArray());

    public static TestDocument CreateWithHeadings(string id, string title, params (string Heading, string Text)[] paragraphs)
    {
        var sourcePath = $"docs/{id}.md";
        var text = string.Join(Separator, paragraphs.Select(p => p.Text));
        var chunks = new List<Chunk>(paragraphs.Length);
        var offset = 0;
        for (var index = 0; index < paragraphs.Length; index++)
        {
            var paragraph = paragraphs[index].Text;
            chunks.Add(new Chunk(
                Chunk.CreateId(id, index), id, index, paragraph, sourcePath, title, paragraphs[index].Heading,
                Page: index % 2 == 0 ? null : index, offset, offset + paragraph.Length, TokenCount: paragraph.Split(' ').Length));
            offset += paragraph.Length + Separator.Length;
        }

        var document = new DocumentInfo(
            id, sourcePath, title, "md", ContentHash: new string('a', 64), SizeBytes: text.Length * 2L, Language: "en",
            IngestedAt: new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(7)), chunks.Count);
        return new TestDocument(document, text, chunks);
    }
}

internal sealed record TestDocument(DocumentInfo Document, string Text, IReadOnlyList<Chunk> Chunks)
{
    public Task StoreAsync(IChunkStore store, IReadOnlyList<ReadOnlyMemory<float>>? vectors = null) =>
        store.UpsertDocumentAsync(Document, Text, Chunks, vectors);
}
