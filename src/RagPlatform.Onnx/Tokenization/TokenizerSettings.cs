using System.Text.Json.Nodes;
using RagPlatform.Onnx.Folders;

namespace RagPlatform.Onnx.Tokenization;

/// <summary>
/// What tokenizer_config.json, special_tokens_map.json and tokenizer.json say about special tokens, casing and
/// pre-tokenization, merged in Hugging Face's order of precedence.
/// </summary>
internal sealed record TokenizerSettings
{
    public const string ConfigFileName = "tokenizer_config.json";
    public const string SpecialTokensMapFileName = "special_tokens_map.json";
    public const string TokenizerJsonFileName = "tokenizer.json";
    public const string ChatTemplateFileName = "chat_template.jinja";

    /// <summary>Added tokens (text → id): each encodes as a single id, never split by the model's vocabulary.</summary>
    public required IReadOnlyDictionary<string, int> AddedTokens { get; init; }

    /// <summary>Ids of added tokens marked special; decoding skips them.</summary>
    public required IReadOnlySet<int> SpecialAddedIds { get; init; }

    public string? BosToken { get; init; }

    public string? EosToken { get; init; }

    public string? UnkToken { get; init; }

    public string? PadToken { get; init; }

    public string? ClsToken { get; init; }

    public string? SepToken { get; init; }

    public string? MaskToken { get; init; }

    public bool? LowerCase { get; init; }

    public bool? StripAccents { get; init; }

    public bool? TokenizeChineseChars { get; init; }

    /// <summary>add_bos_token, or the leading special token of tokenizer.json's post-processor template.</summary>
    public bool? AddBosToken { get; init; }

    public int? ModelMaxLength { get; init; }

    public string? ChatTemplate { get; init; }

    /// <summary>The Split regex of tokenizer.json's pre-tokenizer (byte-level BPE models such as Qwen2 and Llama 3).</summary>
    public string? PreTokenizerPattern { get; init; }

    /// <summary>tokenizer.json when its model is BPE: the vocabulary and merges, for folders without vocab.json.</summary>
    public JsonObject? BpeModel { get; init; }

    public static TokenizerSettings Read(string directory)
    {
        var config = JsonFile.ReadIfExists(Path.Combine(directory, ConfigFileName));
        var specialMap = JsonFile.ReadIfExists(Path.Combine(directory, SpecialTokensMapFileName));
        var tokenizerJsonPath = Path.Combine(directory, TokenizerJsonFileName);
        var tokenizerJson = JsonFile.ReadIfExists(tokenizerJsonPath);

        var addedTokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var specialIds = new HashSet<int>();
        ReadTokenizerJsonAddedTokens(tokenizerJson, addedTokens, specialIds);
        ReadAddedTokensDecoder(config, addedTokens, specialIds);

        string? TokenText(string field) => config?.OptionalTokenText(field) ?? specialMap?.OptionalTokenText(field);

        var bosToken = TokenText("bos_token");
        return new TokenizerSettings
        {
            AddedTokens = addedTokens,
            SpecialAddedIds = specialIds,
            BosToken = bosToken,
            EosToken = TokenText("eos_token"),
            UnkToken = TokenText("unk_token"),
            PadToken = TokenText("pad_token"),
            ClsToken = TokenText("cls_token"),
            SepToken = TokenText("sep_token"),
            MaskToken = TokenText("mask_token"),
            LowerCase = config?.OptionalBool("do_lower_case"),
            StripAccents = config?.OptionalBool("strip_accents"),
            TokenizeChineseChars = config?.OptionalBool("tokenize_chinese_chars"),
            AddBosToken = config?.OptionalBool("add_bos_token") ?? PostProcessorAddsLeadingToken(tokenizerJson),
            ModelMaxLength = ReadModelMaxLength(config),
            ChatTemplate = ReadChatTemplate(directory, config),
            PreTokenizerPattern = FindSplitPattern(tokenizerJson?.Node("pre_tokenizer")),
            BpeModel = tokenizerJson?.Node("model") is JsonObject model && (string?)model["type"] == "BPE" ? model : null,
        };
    }

    private static void ReadTokenizerJsonAddedTokens(JsonFile? tokenizerJson, Dictionary<string, int> addedTokens, HashSet<int> specialIds)
    {
        if (tokenizerJson?.Node("added_tokens") is not JsonArray tokens)
        {
            return;
        }

        foreach (var token in tokens.OfType<JsonObject>())
        {
            if (token["content"]?.GetValue<string>() is { } content && token["id"]?.GetValue<int>() is { } id)
            {
                addedTokens[content] = id;
                if (token["special"]?.GetValue<bool>() == true)
                {
                    specialIds.Add(id);
                }
            }
        }
    }

    private static void ReadAddedTokensDecoder(JsonFile? config, Dictionary<string, int> addedTokens, HashSet<int> specialIds)
    {
        if (config?.Node("added_tokens_decoder") is not JsonObject decoder)
        {
            return;
        }

        foreach (var (key, value) in decoder)
        {
            if (!int.TryParse(key, out var id) || value is not JsonObject token || token["content"]?.GetValue<string>() is not { } content)
            {
                throw new ModelFolderException(
                    $"{config.Path}: 'added_tokens_decoder' entry \"{key}\" must map a numeric id to an object with \"content\".");
            }

            addedTokens.TryAdd(content, id);
            if (token["special"]?.GetValue<bool>() == true)
            {
                specialIds.Add(id);
            }
        }
    }

    /// <summary>Hugging Face writes a huge sentinel (1e30) when a tokenizer has no length limit.</summary>
    private static int? ReadModelMaxLength(JsonFile? config) =>
        config?.Node("model_max_length") is JsonValue value && value.TryGetValue(out double length) && length is > 0 and < 1_000_000
            ? (int)length
            : null;

    private static string? ReadChatTemplate(string directory, JsonFile? config)
    {
        var jinjaPath = Path.Combine(directory, ChatTemplateFileName);
        if (File.Exists(jinjaPath))
        {
            return File.ReadAllText(jinjaPath);
        }

        return config?.Node("chat_template") switch
        {
            JsonValue value when value.TryGetValue(out string? template) => template,
            JsonArray named => named.OfType<JsonObject>().FirstOrDefault(t => (string?)t["name"] == "default")?["template"]?.GetValue<string>(),
            _ => null,
        };
    }

    private static bool? PostProcessorAddsLeadingToken(JsonFile? tokenizerJson)
    {
        var template = FindNode(tokenizerJson?.Node("post_processor"), node => (string?)node["type"] == "TemplateProcessing");
        return template?["single"] is JsonArray single && single.Count > 0
            ? single[0] is JsonObject first && first.ContainsKey("SpecialToken")
            : null;
    }

    private static string? FindSplitPattern(JsonNode? preTokenizer) =>
        FindNode(preTokenizer, node => (string?)node["type"] == "Split" && node["pattern"]?["Regex"] is not null)?["pattern"]?["Regex"]?.GetValue<string>();

    /// <summary>Depth-first search through tokenizer.json's nested Sequence components.</summary>
    private static JsonObject? FindNode(JsonNode? node, Func<JsonObject, bool> match)
    {
        switch (node)
        {
            case JsonObject obj when match(obj):
                return obj;
            case JsonObject obj:
                return obj.Select(pair => FindNode(pair.Value, match)).FirstOrDefault(found => found is not null);
            case JsonArray array:
                return array.Select(item => FindNode(item, match)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }
}
