using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Storage;

namespace RagPlatform.Storage.VectorData.Tests.Support;

/// <summary>A real SQLite chunk store in its own temp directory holding three small course documents with vectors.</summary>
internal sealed class CourseStore : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string[]> Documents = new Dictionary<string, string[]>
    {
        ["attention"] =
        [
            "Self-attention lets every token weigh every other token in the sequence.",
            "Multi-head attention runs several attention layers in parallel.",
        ],
        ["tokenizer"] =
        [
            "Byte pair encoding merges frequent character pairs into tokens.",
            "A tokenizer splits text into tokens before embedding.",
        ],
        ["retrieval"] =
        [
            "Reciprocal rank fusion combines keyword and dense rankings.",
            "BM25 scores documents by term frequency and inverse document frequency.",
        ],
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("ragp-vectordata-tests-").FullName;

    private CourseStore()
    {
        Store = new SqliteChunkStore(Options.Create(new SqliteStoreOptions { DirectoryPath = _directory }));
    }

    public SqliteChunkStore Store { get; }

    public static async Task<CourseStore> CreateAsync()
    {
        var course = new CourseStore();
        await course.Store.SetEmbeddingSignatureAsync(new EmbeddingSignature(WordHashEmbeddingGenerator.ModelId, WordHashEmbeddingGenerator.Dimensions));
        foreach (var (id, paragraphs) in Documents)
        {
            await StoreDocumentAsync(course.Store, id, paragraphs);
        }

        return course;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Task StoreDocumentAsync(IChunkStore store, string id, string[] paragraphs)
    {
        const string separator = "\n\n";
        var sourcePath = $"docs/{id}.md";
        var title = $"About {id}";
        var text = string.Join(separator, paragraphs);
        var chunks = new List<Chunk>();
        var offset = 0;
        for (var index = 0; index < paragraphs.Length; index++)
        {
            var paragraph = paragraphs[index];
            chunks.Add(new Chunk(Chunk.CreateId(id, index), id, index, paragraph, sourcePath, title, "Overview", null,
                offset, offset + paragraph.Length, paragraph.Split(' ').Length));
            offset += paragraph.Length + separator.Length;
        }

        var document = new DocumentInfo(id, sourcePath, title, "md", new string('a', 64), text.Length, "en", DateTimeOffset.UnixEpoch, chunks.Count);
        var vectors = paragraphs.Select(p => (ReadOnlyMemory<float>)WordHashEmbeddingGenerator.Embed(p)).ToList();
        return store.UpsertDocumentAsync(document, text, chunks, vectors);
    }
}
