using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Benchmarks.Keyword;

/// <summary>
/// Lucene.NET 4.8 as a BEIR BM25 baseline is usually run: title and text in one analyzed field (Anserini's "flat"
/// index), <see cref="BM25Similarity"/> with its defaults (k1 = 1.2, b = 0.75, the same as FTS5's), the query's
/// distinct analyzed terms as SHOULD clauses, and each hit's stored id, title and text loaded, as the platform
/// returns whole chunks.
/// </summary>
internal sealed class LuceneKeywordEngine : IKeywordEngine
{
    public const string PackageVersion = "4.8.0-beta00017";

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string TextField = "text";
    private const string TokensField = "tokens";
    private const string ContentsField = "contents";

    private readonly IReadOnlyList<PreparedDocument> _corpus;
    private readonly Func<Analyzer> _createAnalyzer;

    private LuceneKeywordEngine(string name, string analyzerDescription, Func<Analyzer> createAnalyzer, IReadOnlyList<PreparedDocument> corpus)
    {
        Name = name;
        Configuration = $"{analyzerDescription} → `BM25Similarity` (k1 = 1.2, b = 0.75) over one `contents` field (title + text); " +
            "query = distinct analyzed terms as SHOULD `TermQuery` clauses; `FSDirectory` (mmap), default `IndexWriterConfig`, one commit at the end";
        _createAnalyzer = createAnalyzer;
        _corpus = corpus;
    }

    public string Name { get; }

    public string Configuration { get; }

    /// <summary>Lucene's out-of-the-box analyzer: no stemming, English stop words only.</summary>
    public static LuceneKeywordEngine WithStandardAnalyzer(IReadOnlyList<PreparedDocument> corpus) => new(
        "Lucene.NET, StandardAnalyzer",
        "`StandardAnalyzer` (Unicode word breaks, lower case, English stop words, no stemming)",
        () => new StandardAnalyzer(Version),
        corpus);

    /// <summary>Lucene's own English and Indonesian components chained in the platform analyzer's order.</summary>
    public static LuceneKeywordEngine WithEnglishIndonesianAnalyzer(IReadOnlyList<PreparedDocument> corpus) => new(
        "Lucene.NET, English + Indonesian",
        "`StandardTokenizer` → lower case → `ASCIIFoldingFilter` → English + Indonesian stop words (Lucene's lists) → " +
        "`IndonesianStemFilter` (derivational) → `PorterStemFilter`",
        CreateEnglishIndonesianAnalyzer,
        corpus);

    public async Task<IKeywordIndex> BuildAsync(string directory, CancellationToken cancellationToken)
    {
        var analyzer = _createAnalyzer();
        var store = FSDirectory.Open(directory);
        try
        {
            await Task.Run(() => Write(store, analyzer, cancellationToken), cancellationToken).ConfigureAwait(false);
            return new Index(store, DirectoryReader.Open(store), analyzer);
        }
        catch
        {
            store.Dispose();
            analyzer.Dispose();
            throw;
        }
    }

    private void Write(Lucene.Net.Store.Directory store, Analyzer analyzer, CancellationToken cancellationToken)
    {
        var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using var writer = new IndexWriter(store, config);
        var id = new StringField(IdField, "", Field.Store.YES);
        var title = new StoredField(TitleField, "");
        var text = new StoredField(TextField, "");
        var tokens = new StoredField(TokensField, 0);
        var contents = new TextField(ContentsField, "", Field.Store.NO);
        var document = new Document { id, title, text, tokens, contents };
        foreach (var prepared in _corpus)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = prepared.Chunk;
            id.SetStringValue(chunk.DocumentId);
            title.SetStringValue(chunk.Title);
            text.SetStringValue(chunk.Text);
            tokens.SetInt32Value(chunk.TokenCount);
            contents.SetStringValue(chunk.Title + "\n" + chunk.Text);
            writer.AddDocument(document);
        }

        writer.Commit();
    }

    private static Analyzer CreateEnglishIndonesianAnalyzer()
    {
        var stopWords = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet.Count + IndonesianAnalyzer.DefaultStopSet.Count, ignoreCase: false);
        stopWords.UnionWith(EnglishAnalyzer.DefaultStopSet);
        stopWords.UnionWith(IndonesianAnalyzer.DefaultStopSet);
        return Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, stopWords);
            stream = new IndonesianStemFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        });
    }

    private sealed class Index(Lucene.Net.Store.Directory store, DirectoryReader reader, Analyzer analyzer) : IKeywordIndex
    {
        private readonly IndexSearcher _searcher = new(reader) { Similarity = new BM25Similarity() };

        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            var terms = Analyze(request.Query);
            if (terms.Count == 0)
            {
                return Task.FromResult<IReadOnlyList<ScoredChunk>>([]);
            }

            var query = new BooleanQuery();
            foreach (var term in terms)
            {
                query.Add(new TermQuery(new Term(ContentsField, term)), Occur.SHOULD);
            }

            var hits = _searcher.Search(query, request.TopK).ScoreDocs;
            var results = new List<ScoredChunk>(hits.Length);
            foreach (var hit in hits)
            {
                var stored = _searcher.Doc(hit.Doc);
                var id = stored.Get(IdField);
                var text = stored.Get(TextField);
                var chunk = new Chunk(
                    Chunk.CreateId(id, 0), id, 0, text, PreparedDocument.SourcePathFor(id), stored.Get(TitleField), HeadingPath: "", Page: null,
                    StartOffset: 0, EndOffset: text.Length, stored.GetField(TokensField).GetInt32Value() ?? 0);
                results.Add(new ScoredChunk(chunk, hit.Score));
            }

            return Task.FromResult<IReadOnlyList<ScoredChunk>>(results);
        }

        public ValueTask DisposeAsync()
        {
            reader.Dispose();
            store.Dispose();
            analyzer.Dispose();
            return ValueTask.CompletedTask;
        }

        private List<string> Analyze(string text)
        {
            var terms = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            using var stream = analyzer.GetTokenStream(ContentsField, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var value = term.ToString();
                if (seen.Add(value))
                {
                    terms.Add(value);
                }
            }

            stream.End();
            return terms;
        }
    }
}
