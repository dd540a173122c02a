using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using RagPlatform.Core.Generation;

namespace RagPlatform.Onnx;

public static class OnnxServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="OnnxModelOptions"/> instance the embedding generator reads (bind configuration to it).</summary>
    public const string EmbeddingOptionsName = "RagPlatform.Onnx.Embedding";

    /// <summary>Name of the <see cref="OnnxModelOptions"/> instance the chat client reads (bind configuration to it).</summary>
    public const string ChatOptionsName = "RagPlatform.Onnx.Chat";

    /// <summary>
    /// Registers <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (string → Embedding&lt;float&gt;) backed by the ONNX
    /// encoder in <paramref name="modelPath"/>. The model loads when the generator is first resolved.
    /// </summary>
    public static IServiceCollection AddOnnxEmbeddingGenerator(
        this IServiceCollection services, string modelPath, Action<OnnxModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddModelOptions(services, EmbeddingOptionsName, modelPath, configure);
        services.AddEmbeddingGenerator(provider => new OnnxEmbeddingGenerator(
            ModelOptions(provider, EmbeddingOptionsName), provider.GetService<ILogger<OnnxEmbeddingGenerator>>()));
        return services;
    }

    /// <summary>
    /// Registers <see cref="IChatClient"/>, Semantic Kernel's <see cref="IChatCompletionService"/> (streaming included) and
    /// <see cref="ITextScorer"/>, all backed by one loaded copy of the ONNX decoder in <paramref name="modelPath"/>.
    /// </summary>
    public static IServiceCollection AddOnnxChatClient(
        this IServiceCollection services, string modelPath, Action<OnnxModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddModelOptions(services, ChatOptionsName, modelPath, configure);
        services.TryAddSingleton(provider => new OnnxChatClient(
            ModelOptions(provider, ChatOptionsName), provider.GetService<ILogger<OnnxChatClient>>()));
        services.AddChatClient(provider => provider.GetRequiredService<OnnxChatClient>());
        services.AddSingleton<ITextScorer>(provider => new OnnxTextScorer(provider.GetRequiredService<OnnxChatClient>()));
        services.AddSingleton(provider => provider.GetRequiredService<IChatClient>().AsChatCompletionService(provider));
        return services;
    }

    private static void AddModelOptions(IServiceCollection services, string name, string modelPath, Action<OnnxModelOptions>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        services.AddOptions<OnnxModelOptions>(name)
            .Configure(options =>
            {
                options.Path = modelPath;
                configure?.Invoke(options);
            })
            .Validate(options => !string.IsNullOrWhiteSpace(options.Path), "OnnxModelOptions.Path must name the model folder.")
            .Validate(options => options.BatchSize > 0, "OnnxModelOptions.BatchSize must be positive.")
            .Validate(options => options.IntraOpThreads >= 0, "OnnxModelOptions.IntraOpThreads must be 0 (automatic) or positive.");
    }

    private static OnnxModelOptions ModelOptions(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<OnnxModelOptions>>().Get(name);
}
