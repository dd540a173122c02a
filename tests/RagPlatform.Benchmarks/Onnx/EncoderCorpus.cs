using System.Globalization;
using Microsoft.ML.Tokenizers;

namespace RagPlatform.Benchmarks.Onnx;

/// <summary>
/// Texts whose token counts are known in advance: each word is a whole entry of the encoder's vocab.txt, so a text of
/// n tokens is n − 2 words plus [CLS] and [SEP]. The ids come from the same vocab.txt through Microsoft.ML.Tokenizers,
/// which lets the raw-session baseline skip tokenisation while feeding exactly what the runtime feeds.
/// </summary>
internal sealed class EncoderCorpus
{
    private const int FramingTokens = 2;

    private EncoderCorpus(IReadOnlyList<string> texts, IReadOnlyList<long[]> tokenIds, long padTokenId)
    {
        Texts = texts;
        TokenIds = tokenIds;
        PadTokenId = padTokenId;
    }

    public IReadOnlyList<string> Texts { get; }

    /// <summary>The ids of each text with [CLS] and [SEP], in input order.</summary>
    public IReadOnlyList<long[]> TokenIds { get; }

    public long PadTokenId { get; }

    public long TotalTokens => TokenIds.Sum(ids => (long)ids.Length);

    /// <param name="tokenCounts">Tokens per text including [CLS] and [SEP]; each at least 3.</param>
    public static EncoderCorpus Create(string encoderDirectory, IReadOnlyList<int> tokenCounts, int seed)
    {
        var vocabularyPath = Path.Combine(encoderDirectory, "vocab.txt");
        var words = File.ReadLines(vocabularyPath).Where(IsPlainWord).ToArray();
        if (words.Length == 0)
        {
            throw new InvalidOperationException($"{vocabularyPath} has no plain lower-case words to build benchmark texts from.");
        }

        var tokenizer = BertTokenizer.Create(vocabularyPath, new BertOptions { LowerCaseBeforeTokenization = true });
        var random = new Random(seed);
        var texts = new string[tokenCounts.Count];
        var ids = new long[tokenCounts.Count][];
        for (var i = 0; i < texts.Length; i++)
        {
            var wordCount = tokenCounts[i] - FramingTokens;
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordCount, nameof(tokenCounts));
            texts[i] = string.Join(' ', Enumerable.Range(0, wordCount).Select(_ => words[random.Next(words.Length)]));
            ids[i] = tokenizer.EncodeToIds(texts[i], addSpecialTokens: true).Select(id => (long)id).ToArray();
            if (ids[i].Length != tokenCounts[i])
            {
                throw new InvalidOperationException(
                    $"Benchmark text {i} encodes to {ids[i].Length} tokens instead of {tokenCounts[i]}; a vocabulary word was split.");
            }
        }

        return new EncoderCorpus(texts, ids, tokenizer.PaddingTokenId);
    }

    /// <summary>Every text <paramref name="tokens"/> long.</summary>
    public static IReadOnlyList<int> Uniform(int count, int tokens) => Enumerable.Repeat(tokens, count).ToArray();

    /// <summary>
    /// Lengths in [<paramref name="min"/>, <paramref name="max"/>] skewed towards short texts (u³ of a uniform u), as
    /// chunked documents are: most chunks short, a long tail of full ones.
    /// </summary>
    public static IReadOnlyList<int> Skewed(int count, int min, int max, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => min + (int)Math.Round(Math.Pow(random.NextDouble(), 3) * (max - min)))
            .ToArray();
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Texts.Count} texts, {TokenIds.Min(ids => ids.Length)}–{TokenIds.Max(ids => ids.Length)} tokens (mean {TokenIds.Average(ids => ids.Length):F0})");

    /// <summary>Token positions run (real and padding) when the texts are cut into batches in the given order.</summary>
    public long PaddedTokens(IEnumerable<int> order, int batchSize) =>
        order.Chunk(batchSize).Sum(batch => (long)batch.Length * batch.Max(index => TokenIds[index].Length));

    private static bool IsPlainWord(string line) => line.Length >= 2 && line.All(char.IsAsciiLetterLower);
}
