using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagPlatform.Onnx.TestModels;

/// <summary>Writes the Hugging Face JSON side files (config, tokenizer config, vocab.json).</summary>
internal static class JsonFiles
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Byte-level BPE tokens such as "Ġthe" stay readable, as Hugging Face writes them (ensure_ascii=False).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, JsonNode content) => File.WriteAllText(path, content.ToJsonString(Options) + "\n");

    /// <summary>A float as its shortest decimal form (1e-06, not 9.99999997e-07).</summary>
    public static JsonNode Number(float value) =>
        JsonValue.Create(double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    /// <summary>The "added_tokens_decoder" map of tokenizer_config.json: id → special token description.</summary>
    public static JsonObject AddedTokensDecoder(IEnumerable<(int Id, string Content)> specialTokens)
    {
        var decoder = new JsonObject();
        foreach (var (id, content) in specialTokens)
        {
            decoder[id.ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["content"] = content,
                ["lstrip"] = false,
                ["normalized"] = false,
                ["rstrip"] = false,
                ["single_word"] = false,
                ["special"] = true,
            };
        }

        return decoder;
    }
}
