using Microsoft.Extensions.AI;
using RagPlatform.Onnx;
using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Benchmarks.Onnx;

/// <summary>The models and inputs of the ONNX benchmarks, shared by the timed scenarios and the memory probes.</summary>
internal static class OnnxWorkloads
{
    public const int EmbeddingBatchSize = 16;
    public const int NewTokens = 256;
    public const int CorpusSeed = 7;

    /// <summary>A Llama-shaped decoder that decodes 256 tokens in well under a second with its cache.</summary>
    public static DecoderSpec Decoder { get; } = new(
        VocabSize: 2048, HiddenSize: 256, Layers: 4, Heads: 8, KvHeads: 4, IntermediateSize: 688, MaxPositions: 512);

    /// <summary>Texts of the throughput scenario: all one length, so length grouping leaves batches as they are.</summary>
    public static IReadOnlyList<int> UniformLengths { get; } = EncoderCorpus.Uniform(count: 32, tokens: 128);

    public static string EncoderDirectory(string root) => Path.Combine(root, "encoder-minilm-l6");

    public static string DecoderDirectory(string root) => Path.Combine(root, "decoder-llama");

    public static void WriteModels(string root)
    {
        TestModelFactory.WriteEncoderFolder(EncoderDirectory(root), EncoderSpec.MiniLmL6, externalData: true);
        TestModelFactory.WriteDecoderFolder(DecoderDirectory(root), Decoder, TestTokenizerKind.ByteLevelBpe);
    }

    public static OnnxEmbeddingGenerator OpenEncoder(string directory) =>
        new(new OnnxModelOptions { Path = directory, BatchSize = EmbeddingBatchSize });

    public static OnnxChatClient OpenDecoder(string directory) =>
        new(new OnnxModelOptions { Path = directory, Generation = new GenerationOptions { MaxNewTokens = NewTokens } });

    /// <summary>Greedy decoding of up to <see cref="NewTokens"/> tokens.</summary>
    public static Task<ChatResponse> DecodeAsync(OnnxChatClient client, string prompt, CancellationToken cancellationToken) =>
        client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { Temperature = 0, MaxOutputTokens = NewTokens },
            cancellationToken);

    /// <summary>
    /// The first of a few fixed prompts whose greedy continuation runs the full budget: the model's end-of-sequence
    /// tokens cannot be switched off, so a prompt after which random weights pick one early is skipped.
    /// </summary>
    public static async Task<(string Prompt, int PromptTokens)> FindFullLengthPromptAsync(OnnxChatClient client, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var prompt = $"Summarise benchmark document number {attempt} in plain words.";
            var response = await DecodeAsync(client, prompt, cancellationToken).ConfigureAwait(false);
            if (response.Usage?.OutputTokenCount == NewTokens && response.FinishReason == ChatFinishReason.Length)
            {
                return (prompt, (int)response.Usage.InputTokenCount!.Value);
            }
        }

        throw new InvalidOperationException(
            $"Every benchmark prompt ended in an end-of-sequence token before {NewTokens} tokens; change the decoder spec's seed.");
    }
}
