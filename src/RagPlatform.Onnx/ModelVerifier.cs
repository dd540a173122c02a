using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Onnx.Folders;

namespace RagPlatform.Onnx;

/// <summary>Loads a model folder, runs a small probe through it and reports what it is and how fast it runs.</summary>
public sealed class ModelVerifier
{
    private const int ProbeOutputTokens = 16;

    private static readonly string[] ProbePassages =
    [
        "Retrieval-augmented generation grounds answers in documents.",
        "The quick brown fox jumps over the lazy dog.",
        "Embeddings map sentences to vectors whose distances reflect meaning.",
        "A short one.",
    ];

    private readonly ILoggerFactory _loggerFactory;

    public ModelVerifier(ILoggerFactory? loggerFactory = null) => _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;

    /// <exception cref="ModelFolderException">The folder is incomplete or inconsistent; the message says how to fix it.</exception>
    public async Task<ModelVerification> VerifyAsync(
        string directory, ExecutionProvider provider = ExecutionProvider.Cpu, CancellationToken cancellationToken = default)
    {
        var folder = ModelFolder.Load(directory);
        var options = new OnnxModelOptions { Path = folder.Directory, Provider = provider };
        return folder.Task == ModelTask.Embedding
            ? await VerifyEmbeddingAsync(folder, options, cancellationToken).ConfigureAwait(false)
            : await VerifyGenerationAsync(folder, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ModelVerification> VerifyEmbeddingAsync(ModelFolder folder, OnnxModelOptions options, CancellationToken cancellationToken)
    {
        using var generator = new OnnxEmbeddingGenerator(folder, options, _loggerFactory.CreateLogger<OnnxEmbeddingGenerator>());
        var clock = Stopwatch.StartNew();
        var embeddings = await generator.GenerateAsync(ProbePassages, cancellationToken: cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var tokens = (int)(embeddings.Usage?.InputTokenCount ?? 0);
        return new ModelVerification(
            folder.Directory, folder.ModelId, folder.Config.ModelType, ModelTask.Embedding, generator.Provider,
            generator.Dimensions, folder.Tokenizer.Kind.ToString(), folder.Tokenizer.VocabularySize, tokens, Rate(tokens, elapsed), SampleText: null);
    }

    private async Task<ModelVerification> VerifyGenerationAsync(ModelFolder folder, OnnxModelOptions options, CancellationToken cancellationToken)
    {
        options.Generation = new GenerationOptions { MaxNewTokens = ProbeOutputTokens };
        using var client = new OnnxChatClient(folder, options, _loggerFactory.CreateLogger<OnnxChatClient>());
        var clock = Stopwatch.StartNew();
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Say hello.")], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var tokens = (int)(response.Usage?.OutputTokenCount ?? 0);
        return new ModelVerification(
            folder.Directory, folder.ModelId, folder.Config.ModelType, ModelTask.Generation, client.Session.Provider,
            Dimensions: null, folder.Tokenizer.Kind.ToString(), client.Session.VocabularySize, tokens, Rate(tokens, elapsed), response.Text);
    }

    private static double Rate(int tokens, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? tokens / elapsed.TotalSeconds : 0;
}
