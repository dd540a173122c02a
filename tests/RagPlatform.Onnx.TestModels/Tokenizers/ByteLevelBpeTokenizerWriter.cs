using System.Text.Json.Nodes;

namespace RagPlatform.Onnx.TestModels;

/// <summary>Qwen2-style byte-level BPE files: vocab.json, merges.txt, tokenizer_config.json, special_tokens_map.json.</summary>
internal static class ByteLevelBpeTokenizerWriter
{
    public const string VocabFileName = "vocab.json";
    public const string MergesFileName = "merges.txt";
    public const string EndOfText = "<|endoftext|>";
    public const string ImStart = "<|im_start|>";
    public const string ImEnd = "<|im_end|>";

    /// <summary>ChatML, the prompt format of Qwen2 chat models.</summary>
    private const string ChatTemplate =
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}"
        + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static readonly string[] SpecialTokens = [EndOfText, ImStart, ImEnd];

    public static int MinimumVocabSize => ByteLevelAlphabet.VocabularyOrder.Count + SpecialTokens.Length;

    public static DecoderTokenizerInfo Write(string directory, int vocabSize, int maxPositions)
    {
        if (vocabSize < MinimumVocabSize)
        {
            throw new ArgumentException(
                $"DecoderSpec.VocabSize ({vocabSize}) is below the {MinimumVocabSize} tokens (256 bytes + special tokens) of the byte-level BPE tokenizer; use at least {MinimumVocabSize}.");
        }

        // Words are trained with their leading space, as they occur inside sentences ("Ġlearning").
        var merges = BpeMergeTrainer.Train(TestVocabulary.AllWords.Select(word => ByteLevelAlphabet.Symbols(" " + word)), vocabSize - MinimumVocabSize);
        var tokens = ByteLevelAlphabet.VocabularyOrder
            .Concat(merges.Select(merge => merge.Merged))
            .Distinct(StringComparer.Ordinal)
            .Concat(SpecialTokens)
            .ToArray();
        var idOf = tokens.Select((token, id) => (token, id)).ToDictionary(entry => entry.token, entry => entry.id, StringComparer.Ordinal);

        var vocab = new JsonObject();
        foreach (var token in tokens)
        {
            vocab[token] = idOf[token];
        }

        JsonFiles.Write(Path.Combine(directory, VocabFileName), vocab);
        File.WriteAllLines(Path.Combine(directory, MergesFileName), merges.Select(merge => merge.Left + " " + merge.Right).Prepend("#version: 0.2"));
        JsonFiles.Write(Path.Combine(directory, "tokenizer_config.json"), new JsonObject
        {
            ["add_prefix_space"] = false,
            ["bos_token"] = null,
            ["eos_token"] = ImEnd,
            ["pad_token"] = EndOfText,
            ["unk_token"] = null,
            ["additional_special_tokens"] = new JsonArray(ImStart, ImEnd),
            ["added_tokens_decoder"] = JsonFiles.AddedTokensDecoder(SpecialTokens.Select(token => (idOf[token], token))),
            ["chat_template"] = ChatTemplate,
            ["clean_up_tokenization_spaces"] = false,
            ["errors"] = "replace",
            ["model_max_length"] = maxPositions,
            ["split_special_tokens"] = false,
            ["tokenizer_class"] = "Qwen2Tokenizer",
        });
        JsonFiles.Write(Path.Combine(directory, "special_tokens_map.json"), new JsonObject
        {
            ["additional_special_tokens"] = new JsonArray(ImStart, ImEnd),
            ["eos_token"] = ImEnd,
            ["pad_token"] = EndOfText,
        });

        return new DecoderTokenizerInfo(BosTokenId: idOf[EndOfText], EosTokenId: idOf[ImEnd], PadTokenId: idOf[EndOfText]);
    }
}
