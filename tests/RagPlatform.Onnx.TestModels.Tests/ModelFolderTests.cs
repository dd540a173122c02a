using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using Xunit.Abstractions;

namespace RagPlatform.Onnx.TestModels.Tests;

public sealed partial class ModelFolderTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-4f;
    private const string MixedText = "Hello world! Saya belajar bahasa Indonesia di universitas, and the teacher explains the lessons.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EncoderFolderHasConsistentFilesAndItsTokensRunThroughTheModel(bool externalData)
    {
        var spec = new EncoderSpec(Seed: 3);
        using var directory = new TempDirectory();

        TestModelFactory.WriteEncoderFolder(directory.Path, spec, externalData);

        Assert.Equal(externalData, File.Exists(directory.File(TestModelFactory.ExternalDataFileName)));
        var config = ReadJson(directory.File("config.json"));
        Assert.Equal("bert", (string?)config["model_type"]);
        Assert.Equal(spec.VocabSize, (int?)config["vocab_size"]);
        Assert.Equal(spec.HiddenSize, (int?)config["hidden_size"]);
        Assert.Equal(1e-12, (double?)config["layer_norm_eps"]);
        Assert.True((bool?)ReadJson(directory.File("tokenizer_config.json"))["do_lower_case"]);
        Assert.Equal("[CLS]", (string?)ReadJson(directory.File("special_tokens_map.json"))["cls_token"]);
        var vocabulary = File.ReadAllLines(directory.File("vocab.txt"));
        Assert.Equal(spec.VocabSize, vocabulary.Length);
        Assert.Equal(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], vocabulary[..5]);
        Assert.Equal(vocabulary.Length, vocabulary.Distinct(StringComparer.Ordinal).Count());

        var tokenizer = BertTokenizer.Create(directory.File("vocab.txt"));
        var ids = tokenizer.EncodeToIds(MixedText);
        Assert.Equal(2, ids[0]);
        Assert.Equal(3, ids[^1]);
        Assert.DoesNotContain(1, ids);
        Assert.Equal(MixedText.ToLowerInvariant(), tokenizer.Decode(ids, skipSpecialTokens: true));

        using var session = new InferenceSession(directory.File(TestModelFactory.ModelFileName));
        long[] inputIds = [.. ids.Select(id => (long)id)];
        long[] ones = [.. inputIds.Select(_ => 1L)];
        long[] zeros = new long[inputIds.Length];
        using var inputIdsValue = OrtRunner.Int64Tensor([inputIds]);
        using var maskValue = OrtRunner.Int64Tensor([ones]);
        using var typesValue = OrtRunner.Int64Tensor([zeros]);
        var hidden = OrtRunner.Run(session, new Dictionary<string, OrtValue>
        {
            ["input_ids"] = inputIdsValue,
            ["attention_mask"] = maskValue,
            ["token_type_ids"] = typesValue,
        })["last_hidden_state"];
        var expected = ReferenceTransformer.EncoderLastHiddenState(TestModelFactory.CreateEncoderWeights(spec), inputIds, ones, zeros);
        var maxDifference = Enumerable.Range(0, inputIds.Length).Max(position => OrtRunner.MaxAbsDifference(expected[position], hidden.Row(0, position)));
        output.WriteLine($"encoder folder (externalData={externalData}), {inputIds.Length} WordPiece tokens: max |ORT - reference| = {maxDifference:E2}");
        Assert.InRange(maxDifference, 0f, Tolerance);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ByteLevelBpeFolderLoadsInMicrosoftMlTokenizersAndRoundTrips(bool externalData)
    {
        var spec = new DecoderSpec();
        using var directory = new TempDirectory();

        TestModelFactory.WriteDecoderFolder(directory.Path, spec, TestTokenizerKind.ByteLevelBpe, externalData);

        var vocabulary = ReadJson(directory.File("vocab.json")).AsObject().ToDictionary(entry => entry.Key, entry => (int)entry.Value!);
        Assert.InRange(vocabulary.Count, 259, spec.VocabSize);
        Assert.Equal(Enumerable.Range(0, vocabulary.Count), vocabulary.Values.Order());
        Assert.Equal(220, vocabulary["Ġ"]);
        Assert.Equal(0, vocabulary["!"]);
        Assert.Equal("#version: 0.2", File.ReadLines(directory.File("merges.txt")).First());
        var config = ReadJson(directory.File("config.json"));
        Assert.Equal(vocabulary["<|im_end|>"], (int?)config["eos_token_id"]);
        Assert.Equal(vocabulary["<|im_end|>"], (int?)ReadJson(directory.File("generation_config.json"))["eos_token_id"]);
        Assert.Equal("<|im_end|>", (string?)ReadJson(directory.File("tokenizer_config.json"))["eos_token"]);

        var specialTokens = new[] { "<|endoftext|>", "<|im_start|>", "<|im_end|>" }.ToDictionary(token => token, token => vocabulary[token]);
        var tokenizer = BpeTokenizer.Create(new BpeOptions(directory.File("vocab.json"), directory.File("merges.txt"))
        {
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(Gpt2PreTokenizerPattern(), specialTokens),
            SpecialTokens = specialTokens,
        });

        var ids = tokenizer.EncodeToIds(MixedText);
        Assert.All(ids, id => Assert.InRange(id, 0, spec.VocabSize - 1));
        Assert.True(ids.Count < MixedText.Length, "trained merges should make tokens longer than one byte");
        Assert.Equal(MixedText, tokenizer.Decode(ids));
        const string chat = "<|im_start|>user\nApa itu retrieval? Café ☕<|im_end|>";
        var chatIds = tokenizer.EncodeToIds(chat);
        Assert.Equal(specialTokens["<|im_start|>"], chatIds[0]);
        Assert.Equal(specialTokens["<|im_end|>"], chatIds[^1]);
        Assert.Equal(chat, tokenizer.Decode(chatIds));

        AssertDecoderRunsTokens(directory, spec, ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SentencePieceFolderLoadsAsLlamaTokenizerAndRoundTrips(bool externalData)
    {
        var spec = new DecoderSpec(KvHeads: 1);
        using var directory = new TempDirectory();

        TestModelFactory.WriteDecoderFolder(directory.Path, spec, TestTokenizerKind.SentencePiece, externalData);

        using var stream = File.OpenRead(directory.File("tokenizer.model"));
        var tokenizer = LlamaTokenizer.Create(stream);
        Assert.InRange(tokenizer.Vocabulary.Count, 259, spec.VocabSize);
        Assert.True(tokenizer.ByteFallback);
        Assert.Equal(1, tokenizer.BeginningOfSentenceId);
        Assert.Equal(2, tokenizer.EndOfSentenceId);
        Assert.Equal(0, tokenizer.UnknownId);
        var config = ReadJson(directory.File("config.json"));
        Assert.Equal("llama", (string?)config["model_type"]);
        Assert.Equal(spec.KvHeads, (int?)config["num_key_value_heads"]);
        Assert.Equal(1, (int?)config["bos_token_id"]);
        Assert.Equal(2, (int?)config["eos_token_id"]);
        Assert.Equal("</s>", (string?)ReadJson(directory.File("tokenizer_config.json"))["eos_token"]);

        var ids = tokenizer.EncodeToIds(MixedText);
        Assert.Equal(1, ids[0]);
        Assert.All(ids, id => Assert.InRange(id, 1, spec.VocabSize - 1));
        Assert.Contains(tokenizer.EncodeToTokens(MixedText, out _), token => token.Value.StartsWith('▁') && token.Value.Length > 2);
        Assert.Equal(MixedText, tokenizer.Decode(ids));
        const string accented = "Kopi café ☕ enak";
        var byteFallbackIds = tokenizer.EncodeToIds(accented);
        Assert.Contains(byteFallbackIds, id => id is >= 3 and < 259);
        Assert.Equal(accented, tokenizer.Decode(byteFallbackIds));

        AssertDecoderRunsTokens(directory, spec, ids);
    }

    [Fact]
    public void VocabSizesBelowTheTokenizerAreRejectedWithTheMinimum()
    {
        using var directory = new TempDirectory();

        var encoder = Assert.Throws<ArgumentException>(() => TestModelFactory.WriteEncoderFolder(directory.Path, new EncoderSpec(VocabSize: 100)));
        var sentencePiece = Assert.Throws<ArgumentException>(
            () => TestModelFactory.WriteDecoderFolder(directory.Path, new DecoderSpec(VocabSize: 300), TestTokenizerKind.SentencePiece));
        var byteLevel = Assert.Throws<ArgumentException>(
            () => TestModelFactory.WriteDecoderFolder(directory.Path, new DecoderSpec(VocabSize: 258), TestTokenizerKind.ByteLevelBpe));

        Assert.Contains("EncoderSpec.VocabSize (100)", encoder.Message);
        Assert.Contains("DecoderSpec.VocabSize (300)", sentencePiece.Message);
        Assert.Contains("use at least 259", byteLevel.Message);
    }

    [Fact]
    public void InvalidSpecsNameTheField()
    {
        var heads = Assert.Throws<ArgumentException>(() => TestModelFactory.CreateDecoderWeights(new DecoderSpec(Heads: 4, KvHeads: 3)));
        var hidden = Assert.Throws<ArgumentException>(() => TestModelFactory.CreateEncoderWeights(new EncoderSpec(HiddenSize: 66, Heads: 4)));

        Assert.Contains("DecoderSpec.KvHeads", heads.Message);
        Assert.Contains("EncoderSpec.HiddenSize (66)", hidden.Message);
    }

    [Fact]
    public void SameSpecGivesIdenticalWeightsAndDifferentSeedsDiffer()
    {
        var first = TestModelFactory.CreateDecoderWeights(new DecoderSpec());
        var second = TestModelFactory.CreateDecoderWeights(new DecoderSpec());
        var otherSeed = TestModelFactory.CreateDecoderWeights(new DecoderSpec(Seed: 2));

        Assert.Equal(first.Layers[1].Down.Weight, second.Layers[1].Down.Weight);
        Assert.Equal(TestModelFactory.BuildDecoderModel(first), TestModelFactory.BuildDecoderModel(second));
        Assert.NotEqual(first.TokenEmbeddings, otherSeed.TokenEmbeddings);
        Assert.InRange(first.FinalNorm.Average(), 0.99, 1.01);
    }

    private void AssertDecoderRunsTokens(TempDirectory directory, DecoderSpec spec, IReadOnlyList<int> ids)
    {
        long[] inputIds = [.. ids.Select(id => (long)id)];
        using var session = new InferenceSession(directory.File(TestModelFactory.ModelFileName));
        var step = DecoderRunner.Run(
            session, spec, [inputIds], [[.. inputIds.Select(_ => 1L)]], [[.. Enumerable.Range(0, inputIds.Length).Select(i => (long)i)]], past: null);
        var expected = ReferenceTransformer.DecoderLogits(TestModelFactory.CreateDecoderWeights(spec), inputIds);
        var maxDifference = Enumerable.Range(0, inputIds.Length).Max(position => OrtRunner.MaxAbsDifference(expected[position], step.Logits.Row(0, position)));
        output.WriteLine($"decoder folder, {inputIds.Length} tokens: max |ORT - reference| = {maxDifference:E2}");
        Assert.InRange(maxDifference, 0f, Tolerance);
    }

    private static JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    // GPT-2's pre-tokenization: contractions, letters, digits and punctuation runs, each with an optional leading space.
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    private static partial Regex Gpt2PreTokenizerPattern();
}
