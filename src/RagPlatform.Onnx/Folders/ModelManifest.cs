using System.Text.Json;
using System.Text.Json.Serialization;
using RagPlatform.Onnx.Generation;

namespace RagPlatform.Onnx.Folders;

/// <summary>
/// The optional ragp-model.json of a model folder: settings that config.json and the tokenizer files cannot tell.
/// Every field is optional; a set field wins over what is inferred.
/// </summary>
internal sealed record ModelManifest
{
    public const string FileName = "ragp-model.json";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public ModelTask? Task { get; init; }

    public EmbeddingPooling? Pooling { get; init; }

    public bool? Normalize { get; init; }

    public string? QueryPrefix { get; init; }

    public string? PassagePrefix { get; init; }

    public ChatTemplateKind? ChatTemplate { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyList<int>? EosTokenIds { get; init; }

    public string? ModelId { get; init; }

    public static ModelManifest Read(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return new ModelManifest();
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), SerializerOptions);
        }
        catch (JsonException ex)
        {
            throw new ModelFolderException(
                $"{path}: {ex.Message} Allowed fields: task (embedding|generation), pooling (mean|cls), normalize, queryPrefix, " +
                "passagePrefix, chatTemplate (chatml|llama2|llama3|phi3), maxLength, eosTokenIds, modelId.",
                ex);
        }

        manifest ??= new ModelManifest();
        if (manifest.MaxLength is <= 0)
        {
            throw new ModelFolderException($"{path}: 'maxLength' must be a positive number of tokens, found {manifest.MaxLength}.");
        }

        return manifest;
    }
}
