using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.Tokenizers;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;
using RagPlatform.Evaluation.Datasets;

namespace RagPlatform.Benchmarks.Keyword;

/// <summary>A keyword search engine under test: builds an index of the corpus in a folder of its own.</summary>
internal interface IKeywordEngine
{
    string Name { get; }

    /// <summary>Analyzer, scoring and storage, for the report.</summary>
    string Configuration { get; }

    Task<IKeywordIndex> BuildAsync(string directory, CancellationToken cancellationToken);
}

/// <summary>A built index, searched through the platform's retriever contract so both engines are scored alike.</summary>
internal interface IKeywordIndex : IRetriever, IAsyncDisposable;

/// <summary>
/// A corpus document as a one-chunk platform document: what ingestion would hand the store for a document that fits
/// in one chunk (hash, size, detected language, cl100k token count), prepared once so no engine's index time pays
/// for it.
/// </summary>
internal sealed record PreparedDocument(DocumentInfo Info, Chunk Chunk)
{
    private static readonly Lazy<Tokenizer> Cl100kBase = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    /// <summary>Where the document "came from": unique per corpus id, as the store requires.</summary>
    public static string SourcePathFor(string documentId) => "beir/" + documentId;

    public static IReadOnlyList<PreparedDocument> FromCorpus(IEnumerable<BeirDocument> corpus, DateTimeOffset ingestedAt) =>
        corpus.Select(document => From(document, ingestedAt)).ToList();

    private static PreparedDocument From(BeirDocument document, DateTimeOffset ingestedAt)
    {
        var bytes = Encoding.UTF8.GetBytes(document.Text);
        var sourcePath = SourcePathFor(document.Id);
        var info = new DocumentInfo(
            document.Id, sourcePath, document.Title, "txt", Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length,
            LanguageDetector.Detect(document.Title + "\n" + document.Text), ingestedAt, ChunkCount: 1);
        var chunk = new Chunk(
            Chunk.CreateId(document.Id, 0), document.Id, 0, document.Text, sourcePath, document.Title, HeadingPath: "", Page: null,
            StartOffset: 0, EndOffset: document.Text.Length, Cl100kBase.Value.CountTokens(document.Text));
        return new PreparedDocument(info, chunk);
    }
}
