using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RagPlatform.Onnx.Generation;
using RagPlatform.Onnx.Tokenization;

namespace RagPlatform.Onnx.Folders;

/// <summary>
/// Everything a model folder says, resolved: ragp-model.json wins, then what config.json, the tokenizer files and
/// sentence-transformers' files imply, then defaults.
/// </summary>
internal sealed partial record ModelFolder
{
    private static readonly string[] ModelFileCandidates = ["model.onnx", "decoder_model_merged.onnx", Path.Combine("onnx", "model.onnx")];
    private const int DefaultEncoderMaxLength = 512;
    private const int DefaultDecoderMaxLength = 2048;

    public required string Directory { get; init; }

    public required string ModelPath { get; init; }

    public required ModelTask Task { get; init; }

    public required string ModelId { get; init; }

    public required TransformerConfig Config { get; init; }

    public required ModelTokenizer Tokenizer { get; init; }

    /// <summary>Tokens per embedding input, or per prompt plus generated text.</summary>
    public int MaxLength { get; init; }

    public EmbeddingPooling Pooling { get; init; }

    public bool Normalize { get; init; }

    public string QueryPrefix { get; init; } = "";

    public string PassagePrefix { get; init; } = "";

    /// <summary>Set for generation models.</summary>
    public ChatPromptFormatter? ChatFormatter { get; init; }

    public IReadOnlyList<int> EosTokenIds { get; init; } = [];

    public static ModelFolder Load(string directory, int? maxLength = null, string? modelId = null)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ModelFolderException("no model folder given: set OnnxModelOptions.Path to the folder of an Optimum ONNX export.");
        }

        directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new ModelFolderException(
                $"model folder not found: {directory}. Point Path at the folder of an Optimum ONNX export (model.onnx, config.json, tokenizer files).");
        }

        if (maxLength is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "MaxLength must be a positive number of tokens.");
        }

        var manifest = ModelManifest.Read(directory);
        var config = TransformerConfig.Read(directory);
        var modelPath = FindModelFile(directory);
        var task = manifest.Task ?? config.InferTask() ?? throw new ModelFolderException(
            $"{config.Path}: cannot tell whether model_type '{config.ModelType}' is an embedding or a generation model; " +
            $"set \"task\": \"embedding\" or \"generation\" in {Path.Combine(directory, ModelManifest.FileName)}.");
        var settings = TokenizerSettings.Read(directory);
        var tokenizer = TokenizerLoader.Load(directory, config.ModelType, settings);
        var id = modelId ?? manifest.ModelId ?? config.NameOrPath ?? Path.GetFileName(directory);

        var folder = new ModelFolder
        {
            Directory = directory,
            ModelPath = modelPath,
            Task = task,
            ModelId = id,
            Config = config,
            Tokenizer = tokenizer,
        };

        return task == ModelTask.Embedding
            ? folder.WithEmbeddingSettings(manifest, settings, maxLength)
            : folder.WithGenerationSettings(manifest, settings, maxLength);
    }

    private static string FindModelFile(string directory) =>
        ModelFileCandidates.Select(name => Path.Combine(directory, name)).FirstOrDefault(File.Exists)
        ?? throw new ModelFolderException(
            $"no ONNX model in {directory}: expected model.onnx. Export one with `optimum-cli export onnx --model <hub id> {directory}` " +
            "(decoders: add --task text-generation-with-past).");

    private ModelFolder WithEmbeddingSettings(ModelManifest manifest, TokenizerSettings settings, int? maxLength)
    {
        Config.RequireHiddenSize();
        var prompts = ReadSentenceTransformersPrompts();
        var e5Prefixes = E5Name().IsMatch(ModelId);
        var positions = Config.MaxPositionEmbeddings - (Config.UsesPaddingOffsetPositions ? 2 : 0);
        return this with
        {
            Pooling = manifest.Pooling ?? ReadSentenceTransformersPooling() ?? EmbeddingPooling.Mean,
            Normalize = manifest.Normalize ?? true,
            QueryPrefix = manifest.QueryPrefix ?? prompts.Query ?? (e5Prefixes ? "query: " : ""),
            PassagePrefix = manifest.PassagePrefix ?? prompts.Passage ?? (e5Prefixes ? "passage: " : ""),
            MaxLength = maxLength ?? manifest.MaxLength ?? Min(settings.ModelMaxLength, positions) ?? DefaultEncoderMaxLength,
        };
    }

    private ModelFolder WithGenerationSettings(ModelManifest manifest, TokenizerSettings settings, int? maxLength)
    {
        Config.RequireLayerCount();
        Config.RequireAttentionHeads();
        if (Config.HeadDim is null)
        {
            Config.RequireHiddenSize();
        }

        var template = manifest.ChatTemplate ?? ChatPromptFormatter.Detect(settings.ChatTemplate) ?? DefaultTemplate();
        var formatter = new ChatPromptFormatter(template, Tokenizer.BosToken, Tokenizer.EosTokenId is { } eos ? Tokenizer.TokenText(eos) : null);
        RequireTemplateTokens(template);

        var eosIds = new List<int>(Config.EosTokenIds);
        eosIds.AddRange(manifest.EosTokenIds ?? []);
        if (Tokenizer.EosTokenId is { } tokenizerEos)
        {
            eosIds.Add(tokenizerEos);
        }

        if (formatter.EndOfTurnToken is { } endOfTurn && Tokenizer.TryGetTokenId(endOfTurn, out var endOfTurnId))
        {
            eosIds.Add(endOfTurnId);
        }

        if (eosIds.Count == 0)
        {
            throw new ModelFolderException(
                $"{Config.Path}: no end-of-sequence token: set 'eos_token_id' in config.json or generation_config.json, " +
                $"or \"eosTokenIds\" in {Path.Combine(Directory, ModelManifest.FileName)}.");
        }

        return this with
        {
            ChatFormatter = formatter,
            EosTokenIds = eosIds.Distinct().Order().ToArray(),
            MaxLength = maxLength ?? manifest.MaxLength ?? Config.MaxPositionEmbeddings ?? settings.ModelMaxLength ?? DefaultDecoderMaxLength,
        };
    }

    private ChatTemplateKind DefaultTemplate() => Config.ModelType switch
    {
        "qwen2" or "qwen2_moe" or "qwen3" => ChatTemplateKind.ChatMl,
        "phi3" => ChatTemplateKind.Phi3,
        "llama" when Tokenizer.TryGetTokenId("<|start_header_id|>", out _) => ChatTemplateKind.Llama3,
        "llama" or "mistral" or "mixtral" => ChatTemplateKind.Llama2,
        _ => throw new ModelFolderException(
            $"{Directory}: no chat template is known for model_type '{Config.ModelType}'; set \"chatTemplate\" " +
            $"(chatml|llama2|llama3|phi3) in {Path.Combine(Directory, ModelManifest.FileName)}."),
    };

    private void RequireTemplateTokens(ChatTemplateKind template)
    {
        string[] required = template switch
        {
            ChatTemplateKind.ChatMl => ["<|im_start|>", "<|im_end|>"],
            ChatTemplateKind.Llama3 => ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"],
            ChatTemplateKind.Phi3 => ["<|user|>", "<|assistant|>", "<|end|>"],
            _ => [],
        };
        var missing = required.FirstOrDefault(token => !Tokenizer.TryGetTokenId(token, out _));
        if (missing is not null)
        {
            throw new ModelFolderException(
                $"{Directory}: the {template.ToString().ToLowerInvariant()} chat template needs the token {missing}, which the tokenizer " +
                $"does not have; set \"chatTemplate\" in {Path.Combine(Directory, ModelManifest.FileName)} to the model's own format.");
        }
    }

    private EmbeddingPooling? ReadSentenceTransformersPooling()
    {
        var pooling = JsonFile.ReadIfExists(Path.Combine(Directory, "1_Pooling", "config.json"));
        return pooling?.OptionalBool("pooling_mode_cls_token") == true ? EmbeddingPooling.Cls
            : pooling?.OptionalBool("pooling_mode_mean_tokens") == true ? EmbeddingPooling.Mean
            : null;
    }

    private (string? Query, string? Passage) ReadSentenceTransformersPrompts()
    {
        var config = JsonFile.ReadIfExists(Path.Combine(Directory, "config_sentence_transformers.json"));
        if (config?.Node("prompts") is not JsonObject prompts)
        {
            return (null, null);
        }

        string? Prompt(string name) => prompts[name] is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
        return (Prompt("query"), Prompt("passage") ?? Prompt("document"));
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>E5 models (intfloat/e5-*, multilingual-e5-*) were trained with "query: " / "passage: " prefixes.</summary>
    [GeneratedRegex(@"(^|[/_-])e5([-_]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex E5Name();
}
