using System.Globalization;
using System.Text;
using System.Text.Json;
using RagPlatform.Onnx.Folders;
using RagPlatform.Onnx.Tokenization;

namespace RagPlatform.Onnx.Tests;

[Collection(ModelFolderCollection.Name)]
public sealed class TokenizerTests(ModelFolders folders)
{
    [Fact]
    public void WordPiece_loads_uncased_and_round_trips()
    {
        var tokenizer = ModelFolder.Load(folders.Encoder).Tokenizer;

        var ids = tokenizer.Encode("Hello World of Students");

        Assert.Equal(TokenizerKind.WordPiece, tokenizer.Kind);
        Assert.Equal(tokenizer.Encode("hello world of students"), ids);
        Assert.Equal("hello world of students", tokenizer.Decode(ids));
        Assert.True(tokenizer.TryGetTokenId("[CLS]", out var cls));
        Assert.Equal(cls, tokenizer.ClsTokenId);
    }

    [Fact]
    public void WordPiece_keeps_case_when_the_config_says_cased()
    {
        var cased = folders.Copy(folders.Encoder);
        var config = File.ReadAllText(Path.Combine(cased, TokenizerSettings.ConfigFileName)).Replace("\"do_lower_case\": true", "\"do_lower_case\": false", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(cased, TokenizerSettings.ConfigFileName), config);

        var tokenizer = ModelFolder.Load(cased).Tokenizer;

        Assert.NotEqual(tokenizer.Encode("hello"), tokenizer.Encode("Hello"));
    }

    [Theory]
    [InlineData("hello world, students learn about retrieval")]
    [InlineData("Café crème brûlée: ✓ 😀 日本")]
    [InlineData("  leading spaces\nand\tnew lines  ")]
    public void Byte_level_bpe_round_trips_any_text(string text)
    {
        var tokenizer = ModelFolder.Load(folders.BpeDecoder).Tokenizer;

        Assert.Equal(TokenizerKind.ByteLevelBpe, tokenizer.Kind);
        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
    }

    [Theory]
    [InlineData("hello world, students learn about retrieval")]
    [InlineData("Café crème brûlée: ✓ 😀 日本")]
    public void SentencePiece_round_trips_with_byte_fallback(string text)
    {
        var tokenizer = ModelFolder.Load(folders.SentencePieceDecoder).Tokenizer;

        Assert.Equal(TokenizerKind.SentencePiece, tokenizer.Kind);
        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        Assert.True(tokenizer.AddBosToken);
        Assert.Equal(1, tokenizer.BosTokenId);
    }

    [Fact]
    public void Xlm_roberta_shifts_sentencepiece_ids_behind_the_fairseq_specials()
    {
        var folder = folders.Copy(folders.SentencePieceDecoder);
        File.WriteAllText(Path.Combine(folder, TransformerConfig.FileName), """{"model_type": "xlm-roberta", "hidden_size": 8, "max_position_embeddings": 514}""");
        File.Delete(Path.Combine(folder, TokenizerSettings.SpecialTokensMapFileName));
        File.WriteAllText(Path.Combine(folder, TokenizerSettings.ConfigFileName), """
            {
              "bos_token": "<s>", "eos_token": "</s>", "cls_token": "<s>", "sep_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>",
              "added_tokens_decoder": {
                "0": {"content": "<s>", "special": true}, "1": {"content": "<pad>", "special": true},
                "2": {"content": "</s>", "special": true}, "3": {"content": "<unk>", "special": true}
              }
            }
            """);
        var sentencePieceIds = ModelFolder.Load(folders.SentencePieceDecoder).Tokenizer.Encode("students learn");

        var xlmRoberta = ModelFolder.Load(folder);
        var tokenizer = xlmRoberta.Tokenizer;

        Assert.Equal(ModelTask.Embedding, xlmRoberta.Task);
        Assert.Equal(512, xlmRoberta.MaxLength);
        Assert.Equal(sentencePieceIds.Select(id => id + 1), tokenizer.Encode("students learn"));
        Assert.Equal((0, 2, 1), (tokenizer.ClsTokenId, tokenizer.SepTokenId, tokenizer.PadTokenId));
        Assert.Equal("students learn", tokenizer.Decode(tokenizer.Encode("students learn")));
    }

    [Fact]
    public void Added_tokens_encode_as_single_ids()
    {
        var tokenizer = ModelFolder.Load(folders.BpeDecoder).Tokenizer;
        Assert.True(tokenizer.TryGetTokenId("<|im_start|>", out var start));
        Assert.True(tokenizer.TryGetTokenId("<|im_end|>", out var end));

        var ids = tokenizer.Encode("<|im_start|>user\nhello<|im_end|>");

        Assert.Equal(start, ids[0]);
        Assert.Equal(end, ids[^1]);
        Assert.Equal("user\nhello", tokenizer.Decode(ids));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SentencePiece_bos_text_in_a_prompt_encodes_as_the_bos_id(bool withTokenizerConfig)
    {
        var folder = folders.Copy(folders.SentencePieceDecoder);
        if (!withTokenizerConfig)
        {
            File.Delete(Path.Combine(folder, TokenizerSettings.ConfigFileName));
            File.Delete(Path.Combine(folder, TokenizerSettings.SpecialTokensMapFileName));
        }

        var tokenizer = ModelFolder.Load(folder).Tokenizer;

        var ids = tokenizer.Encode("<s>[INST] hello [/INST]");

        Assert.Equal(1, ids[0]);
        Assert.DoesNotContain(1, ids.Skip(1));
    }

    [Theory]
    [InlineData(true, "café ☕ 😀")]
    [InlineData(false, "café ☕ 😀")]
    public void Streaming_decode_holds_split_characters_until_complete(bool sentencePiece, string text)
    {
        var tokenizer = ModelFolder.Load(sentencePiece ? folders.SentencePieceDecoder : folders.BpeDecoder).Tokenizer;
        var ids = tokenizer.Encode(text);
        var decoder = new TokenTextDecoder(tokenizer);

        var pieces = ids.Select(decoder.Append).ToList();
        pieces.Add(decoder.Flush());

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, piece => Assert.DoesNotContain('\uFFFD', piece));
        Assert.Contains(pieces.Take(ids.Count), piece => piece.Length == 0);
        Assert.True(ids.Count > new StringInfo(text).LengthInTextElements, "the emoji and accents should need several byte tokens");
    }

    [Fact]
    public void An_unfinished_character_flushes_as_a_replacement_character()
    {
        var tokenizer = ModelFolder.Load(folders.BpeDecoder).Tokenizer;
        var ids = tokenizer.Encode("😀");
        var decoder = new TokenTextDecoder(tokenizer);

        var text = string.Concat(ids.Take(ids.Count - 1).Select(decoder.Append)) + decoder.Flush();

        Assert.Equal("\uFFFD", text);
    }

    [Fact]
    public void Tokenizer_json_bpe_model_loads_without_vocab_json()
    {
        var folder = folders.Copy(folders.BpeDecoder);
        var expected = ModelFolder.Load(folder).Tokenizer.Encode("students learn <|im_end|>");
        WriteTokenizerJson(folder);
        File.Delete(Path.Combine(folder, ByteLevelBpeModelTokenizer.VocabularyFileName));
        File.Delete(Path.Combine(folder, ByteLevelBpeModelTokenizer.MergesFileName));

        var tokenizer = ModelFolder.Load(folder).Tokenizer;

        Assert.Equal(TokenizerKind.ByteLevelBpe, tokenizer.Kind);
        Assert.Equal(expected, tokenizer.Encode("students learn <|im_end|>"));
    }

    /// <summary>tokenizer.json as the tokenizers library writes it, built from the folder's vocab.json and merges.txt.</summary>
    private static void WriteTokenizerJson(string folder)
    {
        var vocabulary = File.ReadAllText(Path.Combine(folder, ByteLevelBpeModelTokenizer.VocabularyFileName));
        var merges = File.ReadAllLines(Path.Combine(folder, ByteLevelBpeModelTokenizer.MergesFileName)).Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' ')).Select(pair => $"[{JsonSerializer.Serialize(pair[0])}, {JsonSerializer.Serialize(pair[1])}]");
        var json = new StringBuilder()
            .Append("""{"version": "1.0", "added_tokens": [], "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "use_regex": true},""")
            .Append("""  "model": {"type": "BPE", "vocab": """).Append(vocabulary).Append(""", "merges": [""").Append(string.Join(", ", merges)).Append("]}}");
        File.WriteAllText(Path.Combine(folder, TokenizerSettings.TokenizerJsonFileName), json.ToString());
    }
}
