using System.Globalization;
using System.Text.Json.Nodes;

namespace RagPlatform.Onnx.TestModels;

/// <summary>BERT uncased WordPiece files: vocab.txt (one token per line, line number = id) and tokenizer configs.</summary>
internal static class WordPieceTokenizerWriter
{
    public const string VocabFileName = "vocab.txt";
    public const int PadTokenId = 0;

    private const string ContinuationPrefix = "##";
    private static readonly string[] SpecialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
    private static readonly string[] Suffixes = ["s", "es", "ed", "ing", "ly", "er", "est", "nya", "kan", "an", "lah", "kah", "pun"];

    /// <summary>Special tokens, single characters (plain and ## continuations), whole words, then common suffixes.</summary>
    public static IReadOnlyList<string> BaseTokens { get; } = CreateBaseTokens();

    public static void Write(string directory, int vocabSize, int maxPositions)
    {
        if (vocabSize < BaseTokens.Count)
        {
            throw new ArgumentException(
                $"EncoderSpec.VocabSize ({vocabSize}) is below the {BaseTokens.Count} tokens of the built-in WordPiece vocabulary; use at least {BaseTokens.Count}.");
        }

        var filler = Enumerable.Range(0, vocabSize - BaseTokens.Count)
            .Select(i => ContinuationPrefix + "x" + i.ToString(CultureInfo.InvariantCulture));
        File.WriteAllLines(Path.Combine(directory, VocabFileName), BaseTokens.Concat(filler));

        JsonFiles.Write(Path.Combine(directory, "tokenizer_config.json"), new JsonObject
        {
            ["do_lower_case"] = true,
            ["do_basic_tokenize"] = true,
            ["tokenize_chinese_chars"] = true,
            ["strip_accents"] = null,
            ["unk_token"] = "[UNK]",
            ["sep_token"] = "[SEP]",
            ["pad_token"] = "[PAD]",
            ["cls_token"] = "[CLS]",
            ["mask_token"] = "[MASK]",
            ["model_max_length"] = maxPositions,
            ["clean_up_tokenization_spaces"] = true,
            ["tokenizer_class"] = "BertTokenizer",
            ["added_tokens_decoder"] = JsonFiles.AddedTokensDecoder(SpecialTokens.Select((token, id) => (id, token))),
        });
        JsonFiles.Write(Path.Combine(directory, "special_tokens_map.json"), new JsonObject
        {
            ["unk_token"] = "[UNK]",
            ["sep_token"] = "[SEP]",
            ["pad_token"] = "[PAD]",
            ["cls_token"] = "[CLS]",
            ["mask_token"] = "[MASK]",
        });
    }

    private static List<string> CreateBaseTokens()
    {
        var characters = "abcdefghijklmnopqrstuvwxyz0123456789".Select(character => character.ToString()).ToArray();
        var punctuation = ".,!?;:'\"()-/".Select(character => character.ToString());
        return SpecialTokens
            .Concat(characters)
            .Concat(punctuation)
            .Concat(characters.Select(character => ContinuationPrefix + character))
            .Concat(TestVocabulary.AllWords)
            .Concat(Suffixes.Select(suffix => ContinuationPrefix + suffix))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
