namespace RagPlatform.Onnx.Folders;

/// <summary>The fields of a Hugging Face config.json (and generation_config.json) that running the model needs.</summary>
internal sealed record TransformerConfig
{
    public const string FileName = "config.json";
    public const string GenerationFileName = "generation_config.json";

    private static readonly HashSet<string> EncoderTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "bert", "xlm-roberta", "roberta", "camembert", "distilbert", "mpnet", "electra", "albert", "deberta", "deberta-v2",
        "nomic_bert", "modernbert",
    };

    private static readonly HashSet<string> DecoderTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "phi3", "phi", "gemma", "gemma2", "granite", "olmo",
        "stablelm", "starcoder2", "gpt2", "gpt_neox", "smollm3",
    };

    public required string Path { get; init; }

    public required string ModelType { get; init; }

    public required IReadOnlyList<string> Architectures { get; init; }

    public string? NameOrPath { get; init; }

    public int? HiddenSize { get; init; }

    public int? NumHiddenLayers { get; init; }

    public int? NumAttentionHeads { get; init; }

    public int? NumKeyValueHeads { get; init; }

    public int? HeadDim { get; init; }

    public int? VocabSize { get; init; }

    public int? MaxPositionEmbeddings { get; init; }

    /// <summary>End-of-sequence ids from config.json and generation_config.json together.</summary>
    public required IReadOnlyList<int> EosTokenIds { get; init; }

    /// <summary>Position ids of RoBERTa-family encoders start after the padding index, so two positions are unusable.</summary>
    public bool UsesPaddingOffsetPositions =>
        ModelType is "xlm-roberta" or "roberta" or "camembert";

    public static TransformerConfig Read(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new ModelFolderException(
                $"{path} not found: a model folder needs the Hugging Face config.json next to model.onnx " +
                "(optimum-cli export onnx copies it; otherwise download it from the model's repository).");
        }

        var config = JsonFile.Read(path);
        var modelType = config.OptionalString("model_type")
            ?? throw new ModelFolderException($"{path}: missing 'model_type'. Copy config.json from the model's Hugging Face repository.");
        var generation = JsonFile.ReadIfExists(System.IO.Path.Combine(directory, GenerationFileName));

        return new TransformerConfig
        {
            Path = path,
            ModelType = modelType.ToLowerInvariant(),
            Architectures = config.StringList("architectures"),
            NameOrPath = config.OptionalString("_name_or_path"),
            HiddenSize = config.OptionalInt("hidden_size") ?? config.OptionalInt("n_embd"),
            NumHiddenLayers = config.OptionalInt("num_hidden_layers") ?? config.OptionalInt("n_layer"),
            NumAttentionHeads = config.OptionalInt("num_attention_heads") ?? config.OptionalInt("n_head"),
            NumKeyValueHeads = config.OptionalInt("num_key_value_heads"),
            HeadDim = config.OptionalInt("head_dim"),
            VocabSize = config.OptionalInt("vocab_size"),
            MaxPositionEmbeddings = config.OptionalInt("max_position_embeddings") ?? config.OptionalInt("n_positions"),
            EosTokenIds = config.IntOrIntList("eos_token_id").Concat(generation?.IntOrIntList("eos_token_id") ?? []).Distinct().ToArray(),
        };
    }

    /// <summary>The task config.json implies, or null when model_type and architectures do not say.</summary>
    public ModelTask? InferTask()
    {
        if (Architectures.Any(a => a.EndsWith("ForCausalLM", StringComparison.Ordinal) || a.EndsWith("LMHeadModel", StringComparison.Ordinal)))
        {
            return ModelTask.Generation;
        }

        if (DecoderTypes.Contains(ModelType))
        {
            return ModelTask.Generation;
        }

        return EncoderTypes.Contains(ModelType) ? ModelTask.Embedding : null;
    }

    public int RequireHiddenSize() =>
        HiddenSize ?? throw Missing("hidden_size");

    public int RequireLayerCount() =>
        NumHiddenLayers ?? throw Missing("num_hidden_layers");

    public int RequireAttentionHeads() =>
        NumAttentionHeads ?? throw Missing("num_attention_heads");

    public int KeyValueHeads => NumKeyValueHeads ?? RequireAttentionHeads();

    public int AttentionHeadSize => HeadDim ?? RequireHiddenSize() / RequireAttentionHeads();

    private ModelFolderException Missing(string field) =>
        new($"{Path}: missing '{field}'. Copy config.json unchanged from the model's Hugging Face repository.");
}
