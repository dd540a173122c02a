using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;

namespace RagPlatform.Api.Models;

public static class OpenAICompatibleModelsServiceCollectionExtensions
{
    public const string GeneratorSection = "Models:Generator";
    public const string EmbeddingSection = "Models:Embedding";

    /// <summary>
    /// Registers <see cref="IChatClient"/> from Models:Generator and <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
    /// from Models:Embedding when their Endpoint is set, talking to an OpenAI-compatible server through the official
    /// OpenAI client. Sections without an Endpoint register nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">An Endpoint is not an absolute http(s) address, or has no Model.</exception>
    public static IServiceCollection AddOpenAICompatibleModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (Read(configuration, GeneratorSection) is { } generator)
        {
            services.AddChatClient(_ => CreateClient(generator).GetChatClient(generator.Model).AsIChatClient());
        }

        if (Read(configuration, EmbeddingSection) is { } embedding)
        {
            services.AddEmbeddingGenerator(_ => CreateClient(embedding).GetEmbeddingClient(embedding.Model).AsIEmbeddingGenerator());
        }

        return services;
    }

    private static RemoteModel? Read(IConfiguration configuration, string section)
    {
        var options = configuration.GetSection(section).Get<OpenAICompatibleModelOptions>();
        if (string.IsNullOrWhiteSpace(options?.Endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException(
                $"{section}:Endpoint '{options.Endpoint}' is not an http(s) address: use the server's API base, e.g. http://127.0.0.1:5000/v1.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException(
                $"{section}:Model is required with {section}:Endpoint: name the model to use (the server's {endpoint.AbsoluteUri.TrimEnd('/')}/models lists them).");
        }

        return new RemoteModel(endpoint, options.Model, string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey);
    }

    private static OpenAIClient CreateClient(RemoteModel model)
    {
        var options = new OpenAIClientOptions { Endpoint = model.Endpoint };
        if (model.ApiKey is { } key)
        {
            return new OpenAIClient(new ApiKeyCredential(key), options);
        }

        // The only way to send no key at all; the alternative, a made-up key, would reach servers that check keys.
#pragma warning disable OPENAI001 // Constructor marked for evaluation in OpenAI 2.x.
        return new OpenAIClient(new NoAuthenticationPolicy(), options);
#pragma warning restore OPENAI001
    }

    private sealed record RemoteModel(Uri Endpoint, string Model, string? ApiKey);

    /// <summary>Sends no Authorization header at all, for local servers that take no key.</summary>
    private sealed class NoAuthenticationPolicy : AuthenticationPolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNext(message, pipeline, currentIndex);

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNextAsync(message, pipeline, currentIndex);
    }
}
