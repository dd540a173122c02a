using System.Numerics.Tensors;
using RagPlatform.Core.Documents;

namespace RagPlatform.Benchmarks.Vectors;

/// <summary>How the synthetic vectors are spread over the unit sphere.</summary>
internal enum VectorDistribution
{
    /// <summary>Independent uniform directions: no structure at all, the hardest case for approximate search.</summary>
    Uniform,

    /// <summary>Points around many topic centres (pairwise cosine about 0.5 within a topic), like embeddings of related passages.</summary>
    Clustered,
}

/// <summary>
/// Seeded synthetic chunks: a 384-d unit vector and text per chunk, written as documents of
/// <see cref="ChunksPerDocument"/> chunks. Each chunk belongs to a topic; its text mixes the topic's own words with
/// words drawn from a Zipf-distributed vocabulary, so BM25 has realistic term statistics and topic words to find.
/// With <see cref="VectorDistribution.Clustered"/> vectors the topic is also the vector's cluster; with
/// <see cref="VectorDistribution.Uniform"/> vectors text and vector are unrelated. Queries come from the same
/// distribution as the chunks, never copied from one.
/// </summary>
internal sealed class SyntheticCorpus
{
    public const int Dimensions = 384;
    public const int ChunksPerDocument = 50;

    private const int VocabularySize = 20_000;
    private const int StopWordRanks = 100;
    private const int WordsPerTopic = 12;
    private const int WordsPerChunk = 60;
    private const int TopicWordsPerChunk = 12;
    private const int ChunksPerTopic = 100;
    private const float ClusterSpread = 1.0f;

    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "pe", "da", "gu", "fi", "ho", "je", "bu", "zo", "ri", "ma", "te", "wa"];

    private readonly string[] _vocabulary;
    private readonly double[] _cumulativeZipf;
    private readonly string[][] _topicWords;
    private readonly float[][] _topicCentres;

    public SyntheticCorpus(int chunkCount, VectorDistribution distribution, int seed)
    {
        ChunkCount = chunkCount;
        Distribution = distribution;
        Seed = seed;
        var random = new Random(seed);
        _vocabulary = Enumerable.Range(0, VocabularySize).Select(Word).ToArray();
        _cumulativeZipf = CumulativeZipf(VocabularySize);
        var topics = Math.Max(1, chunkCount / ChunksPerTopic);
        _topicWords = Enumerable.Range(0, topics)
            .Select(topic => Enumerable.Range(0, WordsPerTopic).Select(i => Word(VocabularySize + topic * WordsPerTopic + i)).ToArray())
            .ToArray();
        _topicCentres = Enumerable.Range(0, topics).Select(_ => UnitGaussian(random)).ToArray();
    }

    public int ChunkCount { get; }

    public VectorDistribution Distribution { get; }

    public int Seed { get; }

    public int DocumentCount => (ChunkCount + ChunksPerDocument - 1) / ChunksPerDocument;

    /// <summary>The documents in order, generated as they are enumerated so the corpus is never held in memory.</summary>
    public IEnumerable<SyntheticDocument> Documents()
    {
        var random = new Random(Seed + 1);
        for (var document = 0; document < DocumentCount; document++)
        {
            var chunkCount = Math.Min(ChunksPerDocument, ChunkCount - document * ChunksPerDocument);
            yield return CreateDocument(random, $"doc-{document:D7}", chunkCount);
        }
    }

    /// <summary><paramref name="count"/> queries with distinct texts: a few words and a vector, from the same distribution as the chunks.</summary>
    public IReadOnlyList<SyntheticQuery> Queries(int count)
    {
        var random = new Random(Seed + 2);
        var queries = new Dictionary<string, SyntheticQuery>(StringComparer.Ordinal);
        while (queries.Count < count)
        {
            var topic = random.Next(_topicWords.Length);
            // The third word is a content word: the vocabulary's most frequent ranks play the part of stop words.
            var contentWord = _vocabulary[random.Next(StopWordRanks, VocabularySize)];
            var text = string.Join(' ', Pick(random, _topicWords[topic]), Pick(random, _topicWords[topic]), contentWord);
            queries.TryAdd(text, new SyntheticQuery(text, Vector(random, topic)));
        }

        return [.. queries.Values];
    }

    private SyntheticDocument CreateDocument(Random random, string id, int chunkCount)
    {
        var sourcePath = $"corpus/{id}.md";
        var texts = new string[chunkCount];
        var vectors = new ReadOnlyMemory<float>[chunkCount];
        for (var index = 0; index < chunkCount; index++)
        {
            var topic = random.Next(_topicWords.Length);
            texts[index] = ChunkText(random, topic);
            vectors[index] = Vector(random, topic);
        }

        const string Separator = "\n\n";
        var text = string.Join(Separator, texts);
        var chunks = new Chunk[chunkCount];
        var offset = 0;
        for (var index = 0; index < chunkCount; index++)
        {
            chunks[index] = new Chunk(
                Chunk.CreateId(id, index), id, index, texts[index], sourcePath, id, HeadingPath: "", Page: null,
                offset, offset + texts[index].Length, TokenCount: WordsPerChunk);
            offset += texts[index].Length + Separator.Length;
        }

        var info = new DocumentInfo(
            id, sourcePath, id, "md", ContentHash: new string('0', 64), SizeBytes: text.Length, Language: "en",
            IngestedAt: DateTimeOffset.UnixEpoch, chunkCount);
        return new SyntheticDocument(info, text, chunks, vectors);
    }

    private string ChunkText(Random random, int topic)
    {
        var words = new string[WordsPerChunk];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = i < TopicWordsPerChunk ? Pick(random, _topicWords[topic]) : ZipfWord(random);
        }

        random.Shuffle(words);
        return string.Join(' ', words);
    }

    private float[] Vector(Random random, int topic)
    {
        if (Distribution == VectorDistribution.Uniform)
        {
            return UnitGaussian(random);
        }

        var point = Gaussian(random);
        TensorPrimitives.MultiplyAdd(point, ClusterSpread / MathF.Sqrt(Dimensions), _topicCentres[topic], point);
        return Normalized(point);
    }

    private string ZipfWord(Random random)
    {
        var index = Array.BinarySearch(_cumulativeZipf, random.NextDouble());
        return _vocabulary[Math.Min(index < 0 ? ~index : index, VocabularySize - 1)];
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    /// <summary>A pronounceable made-up word, unique per number (base-20 digits as syllables).</summary>
    private static string Word(int number)
    {
        var word = "";
        do
        {
            word += Syllables[number % Syllables.Length];
            number /= Syllables.Length;
        }
        while (number > 0);

        return word + "x";
    }

    private static double[] CumulativeZipf(int size)
    {
        var weights = Enumerable.Range(1, size).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        var cumulative = new double[size];
        var running = 0.0;
        for (var i = 0; i < size; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }

        return cumulative;
    }

    private static float[] UnitGaussian(Random random) => Normalized(Gaussian(random));

    private static float[] Gaussian(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return vector;
    }

    private static float[] Normalized(float[] vector)
    {
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}

internal sealed record SyntheticDocument(DocumentInfo Info, string Text, IReadOnlyList<Chunk> Chunks, IReadOnlyList<ReadOnlyMemory<float>> Vectors);

internal sealed record SyntheticQuery(string Text, float[] Vector);
