using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RagPlatform.Evaluation.Datasets;

namespace RagPlatform.Benchmarks.Keyword;

/// <summary>One graded relevance judgement of a qrels file.</summary>
internal readonly record struct Judgement(string QueryId, string DocumentId, int Grade);

/// <summary>The words a query was built from: its specific word, the synonym some relevant documents use, two topic words.</summary>
internal sealed record QueryPlan(string QueryId, Lemma Specific, Lemma Synonym, Lemma FirstTopicWord, Lemma SecondTopicWord);

/// <summary>A generated dataset before it is written out, with the plan behind each query.</summary>
internal sealed record SyntheticCorpus(
    IReadOnlyList<BeirDocument> Documents, IReadOnlyList<BeirQuery> Queries, IReadOnlyList<Judgement> Judgements, IReadOnlyList<QueryPlan> Plans);

/// <summary>
/// A BEIR-format retrieval dataset generated from a seed, with the term statistics of real text and relevance known
/// by construction rather than from any engine's output.
/// <para>
/// Text: each document has a language (English or Indonesian, Indonesian ones borrowing English words) and a topic.
/// Its words are function words of its language, words of its topic (each topic has its own Zipf-distributed
/// vocabulary) and background words (one Zipf–Mandelbrot distribution over the whole language vocabulary), each
/// inflected as its language does (<see cref="PseudoLexicon"/>). Lengths are log-normal.
/// </para>
/// <para>
/// Queries: each query asks about one rare "specific" word together with two words of one topic, in one language.
/// Relevant documents are chosen among that topic's documents in that language and the query's words are planted
/// in them, in freshly drawn inflections: grade 2 documents mention the specific word 2–4 times (sometimes in the
/// title) and both topic words; grade 1 documents mention it once with one topic word, or in a third of them a
/// synonym instead (a vocabulary gap no keyword engine can bridge). Distractors are planted too and judged
/// non-relevant by construction: same-topic documents dense in the two topic words without the specific word, and
/// other documents that mention the specific word once in passing, some with one topic word. The query's own inflections are drawn
/// independently, so matching it is partly the analyzer's job.
/// </para>
/// </summary>
internal static class SyntheticBeir
{
    public const int DefaultSeed = 20_260_401;
    public const int MinimumDocuments = 200;
    public const string Split = "test";

    private const double EnglishShare = 0.65;
    private const double FunctionWordShare = 0.40;
    private const double TopicWordShare = 0.35;
    private const double LoanwordShare = 0.12;
    private const int DocumentsPerTopic = 150;
    private const int WordsPerTopic = 120;
    private const double MedianWords = 120;
    private const double LengthSpread = 0.55;
    private const int MinimumWords = 20;
    private const int MaximumWords = 700;
    private const double BackgroundExponent = 1.05;
    private const double BackgroundOffset = 2.7;
    private const int DocumentsPerQuery = 40;
    private const double SynonymShare = 0.35;

    private static readonly string[] EnglishFunctionWords =
        ["the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "with", "was", "on", "be", "by", "this", "are",
         "from", "at", "or", "an", "which", "we", "not", "have", "these", "also", "were", "can", "been", "between", "more",
         "than", "their", "its", "how", "what", "does"];

    private static readonly string[] IndonesianFunctionWords =
        ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "pada", "adalah", "ke", "tidak", "akan",
         "juga", "oleh", "sebagai", "atau", "karena", "dapat", "bahwa", "ada", "lebih", "telah", "kita", "tersebut",
         "hanya", "antara", "secara", "bagaimana", "apa", "apakah", "bisa"];

    // {0}, {1}, {2}: the specific word and the two topic words, in a random order per query.
    private static readonly string[] EnglishTemplates =
        ["what is the {0} of {1} for {2}?", "how does {0} {1} the {2}?", "{0} {1} and {2}", "is {0} {1} by {2}?", "the {0} of {1} in {2}"];

    private static readonly string[] IndonesianTemplates =
        ["apa {0} dari {1} untuk {2}?", "bagaimana {0} {1} pada {2}?", "{0} {1} dan {2}", "apakah {0} dapat {1} {2}?", "{1} yang {0} dalam {2}"];

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int QueriesFor(int documents) => Math.Max(10, documents / DocumentsPerQuery);

    public static int EnglishVocabulary(int documents) => 8_000 + (documents / 2);

    public static int IndonesianVocabulary(int documents) => 6_000 + (documents / 3);

    public static int Topics(int documents) => Math.Max(4, documents / DocumentsPerTopic);

    /// <summary>What the generator makes, for the report.</summary>
    public static string Describe(int documents, int seed) => string.Create(CultureInfo.InvariantCulture,
        $"generated by `{nameof(SyntheticBeir)}` (seed {seed}): {documents:N0} documents, {EnglishShare:P0} English and {1 - EnglishShare:P0} Indonesian " +
        $"(Indonesian documents borrow {LoanwordShare:P0} of their content words from English), {Topics(documents)} topics of {WordsPerTopic} words each, " +
        $"background vocabularies of {EnglishVocabulary(documents):N0} English and {IndonesianVocabulary(documents):N0} Indonesian pseudo-word lemmas under " +
        $"Zipf–Mandelbrot (s = {BackgroundExponent}, q = {BackgroundOffset}), {FunctionWordShare:P0} function words, log-normal lengths (median {MedianWords} words); " +
        $"{QueriesFor(documents):N0} queries, each with 1–2 grade-2 and 0–3 grade-1 documents planted by construction " +
        $"({SynonymShare:P0} of grade-1 documents use a synonym of the query's specific word) plus planted distractors (topic-word-dense documents without it, passing mentions of it)");

    /// <summary>Writes corpus.jsonl, queries.jsonl and qrels/test.tsv into <paramref name="directory"/>.</summary>
    public static async Task WriteAsync(string directory, int documents, int seed, CancellationToken cancellationToken)
    {
        var corpus = Generate(documents, seed);
        Directory.CreateDirectory(Path.Combine(directory, "qrels"));
        await File.WriteAllLinesAsync(
            Path.Combine(directory, "corpus.jsonl"),
            corpus.Documents.Select(document => JsonSerializer.Serialize(new CorpusLine(document.Id, document.Title, document.Text), JsonOptions)),
            cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(
            Path.Combine(directory, "queries.jsonl"),
            corpus.Queries.Select(query => JsonSerializer.Serialize(new QueryLine(query.Id, query.Text), JsonOptions)),
            cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(
            Path.Combine(directory, "qrels", Split + ".tsv"),
            corpus.Judgements.Select(judgement => string.Create(CultureInfo.InvariantCulture, $"{judgement.QueryId}\t{judgement.DocumentId}\t{judgement.Grade}"))
                .Prepend("query-id\tcorpus-id\tscore"),
            cancellationToken).ConfigureAwait(false);
    }

    public static SyntheticCorpus Generate(int documents, int seed)
    {
        if (documents < MinimumDocuments)
        {
            throw new ArgumentOutOfRangeException(nameof(documents), documents, $"The generated corpus needs at least {MinimumDocuments} documents.");
        }

        return new Generator(documents, new Random(seed)).Run();
    }

    private sealed record CorpusLine(
        [property: JsonPropertyName("_id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("text")] string Text);

    private sealed record QueryLine(
        [property: JsonPropertyName("_id")] string Id,
        [property: JsonPropertyName("text")] string Text);

    private sealed record Topic(IReadOnlyList<Lemma> English, IReadOnlyList<Lemma> Indonesian)
    {
        public IReadOnlyList<Lemma> In(Language language) => language == Language.English ? English : Indonesian;
    }

    private sealed class DocumentDraft(string id, Language language, int topic, List<string> title, List<string> body)
    {
        public string Id { get; } = id;

        public Language Language { get; } = language;

        public int Topic { get; } = topic;

        public List<string> Title { get; } = title;

        public List<string> Body { get; } = body;
    }

    private sealed class Generator
    {
        private readonly int _documentCount;
        private readonly Random _random;
        private readonly IReadOnlyList<Lemma> _english;
        private readonly IReadOnlyList<Lemma> _indonesian;
        private readonly ZipfSampler _englishBackground;
        private readonly ZipfSampler _indonesianBackground;
        private readonly ZipfSampler _englishFunction = new(EnglishFunctionWords.Length, 1.0);
        private readonly ZipfSampler _indonesianFunction = new(IndonesianFunctionWords.Length, 1.0);
        private readonly ZipfSampler _topicWord = new(WordsPerTopic, 0.9);
        private readonly ZipfSampler _topicPopularity;
        private readonly Topic[] _topics;

        public Generator(int documentCount, Random random)
        {
            _documentCount = documentCount;
            _random = random;
            var reserved = EnglishFunctionWords.Concat(IndonesianFunctionWords).ToHashSet(StringComparer.Ordinal);
            _english = PseudoLexicon.Create(Language.English, EnglishVocabulary(documentCount), reserved, random);
            _indonesian = PseudoLexicon.Create(Language.Indonesian, IndonesianVocabulary(documentCount), reserved, random);
            _englishBackground = new ZipfSampler(_english.Count, BackgroundExponent, BackgroundOffset);
            _indonesianBackground = new ZipfSampler(_indonesian.Count, BackgroundExponent, BackgroundOffset);
            _topics = Enumerable.Range(0, Topics(documentCount)).Select(_ => new Topic(TopicWords(_english), TopicWords(_indonesian))).ToArray();
            _topicPopularity = new ZipfSampler(_topics.Length, 0.7);
        }

        public SyntheticCorpus Run()
        {
            var drafts = Enumerable.Range(0, _documentCount).Select(index => Draft($"doc{index:D6}")).ToList();
            var groups = drafts.GroupBy(draft => (draft.Topic, draft.Language)).ToDictionary(group => group.Key, group => group.ToList());
            var usedSpecificWords = new HashSet<Lemma>();
            var queries = new List<BeirQuery>();
            var judgements = new List<Judgement>();
            var plans = new List<QueryPlan>();
            for (var index = 0; index < QueriesFor(_documentCount); index++)
            {
                var (query, judged, plan) = Query($"q{index:D4}", drafts, groups, usedSpecificWords);
                queries.Add(query);
                judgements.AddRange(judged);
                plans.Add(plan);
            }

            var documents = drafts.Select(draft => new BeirDocument(draft.Id, RenderTitle(draft.Title), RenderBody(draft.Body))).ToList();
            return new SyntheticCorpus(documents, queries, judgements, plans);
        }

        /// <summary>Mid- and low-frequency words: ranks drawn log-uniformly above the commonest few dozen.</summary>
        private Lemma[] TopicWords(IReadOnlyList<Lemma> lexicon)
        {
            var words = new HashSet<Lemma>();
            var (low, high) = (Math.Log(30), Math.Log(lexicon.Count));
            var ordered = new List<Lemma>(WordsPerTopic);
            while (ordered.Count < WordsPerTopic)
            {
                var lemma = lexicon[(int)Math.Exp(low + (_random.NextDouble() * (high - low)))];
                if (words.Add(lemma))
                {
                    ordered.Add(lemma);
                }
            }

            return [.. ordered];
        }

        private DocumentDraft Draft(string id)
        {
            var language = _random.NextDouble() < EnglishShare ? Language.English : Language.Indonesian;
            var topic = _topicPopularity.Next(_random);
            var length = (int)Math.Clamp(Math.Round(MedianWords * Math.Exp(LengthSpread * StandardNormal())), MinimumWords, MaximumWords);
            var body = new List<string>(length + 16);
            for (var i = 0; i < length; i++)
            {
                body.Add(Word(language, topic));
            }

            var titleLength = 3 + _random.Next(6);
            var title = new List<string>(titleLength + 1);
            for (var i = 0; i < titleLength; i++)
            {
                title.Add(_random.NextDouble() < 0.8 ? TopicWord(language, topic).Inflect(_random) : Word(language, topic));
            }

            return new DocumentDraft(id, language, topic, title, body);
        }

        private string Word(Language language, int topic)
        {
            var draw = _random.NextDouble();
            if (draw < FunctionWordShare)
            {
                return language == Language.English
                    ? EnglishFunctionWords[_englishFunction.Next(_random)]
                    : IndonesianFunctionWords[_indonesianFunction.Next(_random)];
            }

            var borrowed = language == Language.Indonesian && _random.NextDouble() < LoanwordShare ? Language.English : language;
            var lemma = draw < FunctionWordShare + ((1 - FunctionWordShare) * TopicWordShare)
                ? TopicWord(borrowed, topic)
                : borrowed == Language.English ? _english[_englishBackground.Next(_random)] : _indonesian[_indonesianBackground.Next(_random)];
            return lemma.Inflect(_random);
        }

        private Lemma TopicWord(Language language, int topic) => _topics[topic].In(language)[_topicWord.Next(_random)];

        private (BeirQuery Query, IEnumerable<Judgement> Judgements, QueryPlan Plan) Query(
            string id, List<DocumentDraft> drafts, Dictionary<(int, Language), List<DocumentDraft>> groups, HashSet<Lemma> usedSpecificWords)
        {
            List<DocumentDraft> group;
            DocumentDraft anchor;
            do
            {
                // Anchoring on a random document makes popular topics get more queries, as real query logs do.
                anchor = drafts[_random.Next(drafts.Count)];
                group = groups[(anchor.Topic, anchor.Language)];
            }
            while (group.Count < 3);

            var language = anchor.Language;
            var specific = SpecificWord(language, usedSpecificWords);
            var synonym = SpecificWord(language, usedSpecificWords);
            var first = TopicWord(language, anchor.Topic);
            Lemma second;
            do
            {
                second = TopicWord(language, anchor.Topic);
            }
            while (second == first);

            var candidates = group.ToArray();
            _random.Shuffle(candidates);
            var highlyRelevant = 1 + (_random.NextDouble() < 0.4 ? 1 : 0);
            var relevant = Math.Min(highlyRelevant + _random.Next(4), candidates.Length - 1);
            var judgements = new List<Judgement>(relevant);
            for (var i = 0; i < relevant; i++)
            {
                var document = candidates[i];
                if (i < highlyRelevant)
                {
                    Plant(document.Body, specific, 2 + _random.Next(3));
                    Plant(document.Body, first, 1 + _random.Next(3));
                    Plant(document.Body, second, 1 + _random.Next(3));
                    if (_random.NextDouble() < 0.5)
                    {
                        Plant(document.Title, specific, 1);
                    }

                    judgements.Add(new Judgement(id, document.Id, 2));
                }
                else
                {
                    // Some relevant documents name the concept with another word, a vocabulary gap no keyword engine bridges.
                    Plant(document.Body, _random.NextDouble() < SynonymShare ? synonym : specific, 1);
                    Plant(document.Body, _random.NextDouble() < 0.5 ? first : second, 1 + _random.Next(2));
                    judgements.Add(new Judgement(id, document.Id, 1));
                }
            }

            foreach (var distractor in candidates.Skip(relevant).Take(2 + _random.Next(3)))
            {
                Plant(distractor.Body, first, 2 + _random.Next(3));
                Plant(distractor.Body, second, 2 + _random.Next(3));
            }

            var relevantIds = judgements.Select(judgement => judgement.DocumentId).ToHashSet(StringComparer.Ordinal);
            for (var i = 2 + _random.Next(3); i > 0; i--)
            {
                var passing = drafts[_random.Next(drafts.Count)];
                if (!relevantIds.Contains(passing.Id))
                {
                    Plant(passing.Body, specific, 1);
                    if (_random.NextDouble() < 0.5)
                    {
                        Plant(passing.Body, _random.NextDouble() < 0.5 ? first : second, 1);
                    }
                }
            }

            var slots = new[] { specific, first, second };
            _random.Shuffle(slots);
            var templates = language == Language.English ? EnglishTemplates : IndonesianTemplates;
            var text = string.Format(CultureInfo.InvariantCulture, templates[_random.Next(templates.Length)], slots.Select(lemma => (object)lemma.Inflect(_random)).ToArray());
            return (new BeirQuery(id, Capitalize(text)), judgements.OrderBy(judgement => judgement.DocumentId, StringComparer.Ordinal),
                new QueryPlan(id, specific, synonym, first, second));
        }

        /// <summary>A less common word (outside the commonest twentieth of the vocabulary) no other query uses.</summary>
        private Lemma SpecificWord(Language language, HashSet<Lemma> used)
        {
            var lexicon = language == Language.English ? _english : _indonesian;
            var commonest = lexicon.Count / 20;
            while (true)
            {
                var lemma = lexicon[commonest + _random.Next(lexicon.Count - commonest)];
                if (used.Add(lemma))
                {
                    return lemma;
                }
            }
        }

        private void Plant(List<string> words, Lemma lemma, int times)
        {
            for (var i = 0; i < times; i++)
            {
                words.Insert(_random.Next(words.Count + 1), lemma.Inflect(_random));
            }
        }

        private static string RenderTitle(List<string> words) => string.Join(' ', words.Select(Capitalize));

        private string RenderBody(List<string> words)
        {
            var text = new StringBuilder(words.Count * 8);
            var sentenceStart = 0;
            while (sentenceStart < words.Count)
            {
                var sentenceEnd = Math.Min(words.Count, sentenceStart + 6 + _random.Next(16));
                for (var i = sentenceStart; i < sentenceEnd; i++)
                {
                    text.Append(i == sentenceStart ? Capitalize(words[i]) : words[i]);
                    var isLast = i == sentenceEnd - 1;
                    text.Append(isLast ? ". " : _random.NextDouble() < 0.06 ? ", " : " ");
                }

                sentenceStart = sentenceEnd;
            }

            return text.ToString().TrimEnd();
        }

        private double StandardNormal() =>
            Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

        private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
    }
}
