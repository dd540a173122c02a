using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagPlatform.Onnx.Folders;

/// <summary>Reads the JSON files of a model folder and turns absent or mistyped fields into messages that name them.</summary>
internal sealed class JsonFile
{
    private readonly JsonObject _root;

    private JsonFile(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    public static JsonFile Read(string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ModelFolderException($"{path}: invalid JSON ({ex.Message}). Re-download or fix the file.", ex);
        }

        return node is JsonObject root
            ? new JsonFile(path, root)
            : throw new ModelFolderException($"{path}: expected a JSON object at the top level.");
    }

    public static JsonFile? ReadIfExists(string path) => File.Exists(path) ? Read(path) : null;

    public JsonNode? Node(string field) => _root[field];

    public string? OptionalString(string field) => _root[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => throw WrongType(field, "a string"),
    };

    public int? OptionalInt(string field) => _root[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out int number) => number,
        _ => throw WrongType(field, "an integer"),
    };

    public int RequiredInt(string field, string fix) =>
        OptionalInt(field) ?? throw new ModelFolderException($"{Path}: missing '{field}'. {fix}");

    public bool? OptionalBool(string field) => _root[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        _ => throw WrongType(field, "true or false"),
    };

    /// <summary>A field that Hugging Face writes either as one integer or as a list of them (eos_token_id).</summary>
    public IReadOnlyList<int> IntOrIntList(string field) => _root[field] switch
    {
        null => [],
        JsonValue value when value.TryGetValue(out int number) => [number],
        JsonArray array => array.Select(item => item is JsonValue v && v.TryGetValue(out int n) ? n : throw WrongType(field, "an integer or a list of integers")).ToArray(),
        _ => throw WrongType(field, "an integer or a list of integers"),
    };

    public IReadOnlyList<string> StringList(string field) => _root[field] switch
    {
        null => [],
        JsonArray array => array.Select(item => item is JsonValue v && v.TryGetValue(out string? s) ? s : throw WrongType(field, "a list of strings")).ToArray(),
        _ => throw WrongType(field, "a list of strings"),
    };

    /// <summary>
    /// A token field such as bos_token, written either as the token text or as an AddedToken object
    /// (<c>{"content": "&lt;s&gt;", …}</c>).
    /// </summary>
    public string? OptionalTokenText(string field) => _root[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonObject token when token["content"] is JsonValue content && content.TryGetValue(out string? text) => text,
        _ => throw WrongType(field, "a token string or an object with \"content\""),
    };

    private ModelFolderException WrongType(string field, string expected) =>
        new($"{Path}: '{field}' must be {expected}, found {_root[field]?.ToJsonString()}.");
}
