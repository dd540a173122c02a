using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using RagPlatform.Onnx;
using RagPlatform.Rag.Answering;

namespace RagPlatform.Rag.Hosting;

/// <summary>
/// Registers the models named in the "Models" configuration section. Each of Models:Embedding and
/// Models:Generator is either a local ONNX model folder (Path, plus the runtime's options such as Provider,
/// IntraOpThreads, BatchSize, Generation) or a remote OpenAI-compatible server (Endpoint, Model, ApiKey).
/// Nothing configured means lexical retrieval and extractive answers.
/// </summary>
public static class ModelServiceCollectionExtensions
{
    public const string SectionName = "Models";

    public static IServiceCollection AddConfiguredModels(this IServiceCollection services, IConfiguration configuration)
    {
        var models = configuration.GetSection(SectionName);
        var embedding = models.GetSection("Embedding");
        if (embedding["Path"] is { Length: > 0 } embeddingPath)
        {
            services.AddOnnxEmbeddingGenerator(embeddingPath, embedding.Bind);
        }
        else if (Remote(embedding) is { } remoteEmbedding)
        {
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(
                _ => Client(remoteEmbedding).GetEmbeddingClient(remoteEmbedding.Model).AsIEmbeddingGenerator());
        }

        var generator = models.GetSection("Generator");
        if (generator["Path"] is { Length: > 0 } generatorPath)
        {
            services.AddOnnxChatClient(generatorPath, generator.Bind);
        }
        else if (Remote(generator) is { } remoteGenerator)
        {
            services.AddSingleton<IChatClient>(_ => Client(remoteGenerator).GetChatClient(remoteGenerator.Model).AsIChatClient());
        }
        else
        {
            return services;
        }

        services.AddSingleton<IRagPromptBuilder, ComposedRagPromptBuilder>();
        services.AddSingleton<GenerativeAnswerer>();
        return services;
    }

    private static RemoteModelOptions? Remote(IConfigurationSection section)
    {
        var options = section.Get<RemoteModelOptions>();
        if (options?.Endpoint is null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(options.Model)
            ? throw new ArgumentException($"{section.Path}:Endpoint is set but {section.Path}:Model is not: name the model the server should use.")
            : options;
    }

    // OpenAI-compatible servers that need no key still expect the header, so a placeholder is sent.
    private static OpenAIClient Client(RemoteModelOptions options) =>
        new(new ApiKeyCredential(options.ApiKey ?? "not-needed"), new OpenAIClientOptions { Endpoint = options.Endpoint });
}
