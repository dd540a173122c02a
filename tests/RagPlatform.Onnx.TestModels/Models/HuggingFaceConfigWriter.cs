using System.Text.Json.Nodes;

namespace RagPlatform.Onnx.TestModels;

/// <summary>config.json and generation_config.json as transformers writes them for BERT and Llama checkpoints.</summary>
internal static class HuggingFaceConfigWriter
{
    public const string ConfigFileName = "config.json";
    public const string GenerationConfigFileName = "generation_config.json";

    public static void WriteEncoder(string directory, EncoderSpec spec) =>
        JsonFiles.Write(Path.Combine(directory, ConfigFileName), new JsonObject
        {
            ["architectures"] = new JsonArray("BertModel"),
            ["model_type"] = "bert",
            ["hidden_size"] = spec.HiddenSize,
            ["num_attention_heads"] = spec.Heads,
            ["num_hidden_layers"] = spec.Layers,
            ["intermediate_size"] = spec.IntermediateSize,
            ["hidden_act"] = "gelu",
            ["vocab_size"] = spec.VocabSize,
            ["max_position_embeddings"] = spec.MaxPositions,
            ["type_vocab_size"] = spec.TypeVocabSize,
            ["layer_norm_eps"] = JsonFiles.Number(EncoderSpec.LayerNormEpsilon),
            ["position_embedding_type"] = "absolute",
            ["pad_token_id"] = WordPieceTokenizerWriter.PadTokenId,
            ["torch_dtype"] = "float32",
        });

    public static void WriteDecoder(string directory, DecoderSpec spec, DecoderTokenizerInfo tokenizer)
    {
        JsonFiles.Write(Path.Combine(directory, ConfigFileName), new JsonObject
        {
            ["architectures"] = new JsonArray("LlamaForCausalLM"),
            ["model_type"] = "llama",
            ["hidden_size"] = spec.HiddenSize,
            ["num_attention_heads"] = spec.Heads,
            ["num_key_value_heads"] = spec.KvHeads,
            ["head_dim"] = spec.HeadDim,
            ["num_hidden_layers"] = spec.Layers,
            ["intermediate_size"] = spec.IntermediateSize,
            ["hidden_act"] = "silu",
            ["vocab_size"] = spec.VocabSize,
            ["max_position_embeddings"] = spec.MaxPositions,
            ["rope_theta"] = JsonFiles.Number(spec.RopeTheta),
            ["rms_norm_eps"] = JsonFiles.Number(DecoderSpec.RmsNormEpsilon),
            ["attention_bias"] = false,
            ["tie_word_embeddings"] = false,
            ["use_cache"] = true,
            ["bos_token_id"] = tokenizer.BosTokenId,
            ["eos_token_id"] = tokenizer.EosTokenId,
            ["pad_token_id"] = tokenizer.PadTokenId,
            ["torch_dtype"] = "float32",
        });
        JsonFiles.Write(Path.Combine(directory, GenerationConfigFileName), new JsonObject
        {
            ["bos_token_id"] = tokenizer.BosTokenId,
            ["eos_token_id"] = tokenizer.EosTokenId,
            ["pad_token_id"] = tokenizer.PadTokenId,
            ["do_sample"] = false,
        });
    }
}
