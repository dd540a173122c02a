using RagPlatform.Core.Answers;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;

namespace RagPlatform.Web.Tests.Support;

/// <summary>Documents, citations and answers for component tests, consistent with each other.</summary>
internal static class TestAnswers
{
    public const string DocumentText =
        "Transformers replaced recurrence. Self-attention lets every token weigh every other token. " +
        "Positional encodings add order information. The rest of the handout covers training.";

    public const string Quote = "Self-attention lets every token weigh every other token.";

    /// <summary>Stores a one-chunk document whose text is <see cref="DocumentText"/>.</summary>
    public static async Task<Chunk> StoreDocumentAsync(IChunkStore store, string sourcePath, string heading = "Architecture > Attention", int? page = null)
    {
        var id = $"doc-{Path.GetFileNameWithoutExtension(sourcePath)}";
        var chunk = new Chunk(Core.Documents.Chunk.CreateId(id, 0), id, 0, DocumentText, sourcePath, "Transformer notes", heading, page, 0, DocumentText.Length, 30);
        var document = new DocumentInfo(id, sourcePath, "Transformer notes", Path.GetExtension(sourcePath).TrimStart('.'), "hash", DocumentText.Length, "en", DateTimeOffset.UnixEpoch, 1);
        await store.UpsertDocumentAsync(document, DocumentText, [chunk], null);
        return chunk;
    }

    public static Citation CiteQuote(Chunk chunk, int number = 1)
    {
        var start = DocumentText.IndexOf(Quote, StringComparison.Ordinal);
        return new Citation(number, chunk.Id, chunk.DocumentId, chunk.SourcePath, chunk.Title, chunk.HeadingPath, chunk.Page, Quote, start, start + Quote.Length);
    }

    public static Chunk Chunk(string id, string heading, string text = DocumentText, int? page = null) =>
        new($"{id}:0", id, 0, text, $"/docs/{id}.md", $"Title of {id}", heading, page, 0, text.Length, 20);

    public static Citation Cite(Chunk chunk, int number) =>
        new(number, chunk.Id, chunk.DocumentId, chunk.SourcePath, chunk.Title, chunk.HeadingPath, chunk.Page, Quote, 0, Quote.Length);

    public static GroundedAnswer Answer(string text, IReadOnlyList<Citation> citations, string language = "en", IReadOnlyList<ScoredChunk>? context = null) =>
        new("What is self-attention?", text, citations, Abstained: false, language, AnswerMode.Extractive, context ?? []);

    public static GroundedAnswer Abstention(string text, string language) =>
        new("Who won the 1998 World Cup?", text, [], Abstained: true, language, AnswerMode.Extractive, []);
}
