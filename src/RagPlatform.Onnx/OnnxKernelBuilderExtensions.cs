using Microsoft.SemanticKernel;

namespace RagPlatform.Onnx;

public static class OnnxKernelBuilderExtensions
{
    /// <inheritdoc cref="OnnxServiceCollectionExtensions.AddOnnxEmbeddingGenerator"/>
    public static IKernelBuilder AddOnnxEmbeddingGenerator(this IKernelBuilder builder, string modelPath, Action<OnnxModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOnnxEmbeddingGenerator(modelPath, configure);
        return builder;
    }

    /// <inheritdoc cref="OnnxServiceCollectionExtensions.AddOnnxChatClient"/>
    public static IKernelBuilder AddOnnxChatClient(this IKernelBuilder builder, string modelPath, Action<OnnxModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOnnxChatClient(modelPath, configure);
        return builder;
    }
}
