using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Api.Errors;

namespace RagPlatform.Api.OpenAI;

/// <summary>A model the OpenAI-compatible API serves, under the id clients must send.</summary>
internal sealed record ServedModel<TClient>(string Id, TClient Client);

/// <summary>
/// The models behind /v1: whichever <see cref="IChatClient"/> and embedding generator the host registered. They are
/// resolved per request, not at startup, so a host without models still starts and answers 503 with a fix.
/// </summary>
internal sealed class ServedModels(IServiceProvider services, TimeProvider clock)
{
    // Ids for clients that do not report one in their metadata.
    internal const string UnnamedChatModelId = "chat";
    internal const string UnnamedEmbeddingModelId = "embedding";

    private const string NoChatModel =
        "No chat model is configured: set Models:Generator:Path to a local ONNX model folder, or Models:Generator:Endpoint " +
        "and Models:Generator:Model to an OpenAI-compatible server.";

    private const string NoEmbeddingModel =
        "No embedding model is configured: set Models:Embedding:Path to a local ONNX model folder, or Models:Embedding:Endpoint " +
        "and Models:Embedding:Model to an OpenAI-compatible server.";

    /// <summary>Unix time reported as the models' creation date: when this server started serving them.</summary>
    public long Created { get; } = clock.GetUtcNow().ToUnixTimeSeconds();

    public IReadOnlyList<string> Ids => [.. new[] { Chat()?.Id, Embedding()?.Id }.OfType<string>().Distinct(StringComparer.Ordinal)];

    public ServedModel<IChatClient> RequireChat(string? requestedModel) => Require(Chat(), requestedModel, "chat", NoChatModel);

    public ServedModel<IEmbeddingGenerator<string, Embedding<float>>> RequireEmbedding(string? requestedModel) =>
        Require(Embedding(), requestedModel, "embedding", NoEmbeddingModel);

    private ServedModel<IChatClient>? Chat() =>
        services.GetService<IChatClient>() is { } client
            ? new(client.GetService<ChatClientMetadata>()?.DefaultModelId ?? UnnamedChatModelId, client)
            : null;

    private ServedModel<IEmbeddingGenerator<string, Embedding<float>>>? Embedding() =>
        services.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } generator
            ? new(generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? UnnamedEmbeddingModelId, generator)
            : null;

    private ServedModel<T> Require<T>(ServedModel<T>? model, string? requestedModel, string kind, string notConfigured)
    {
        if (model is null)
        {
            throw new ApiErrorException(ApiError.NotConfigured(notConfigured));
        }

        if (string.IsNullOrWhiteSpace(requestedModel))
        {
            throw new ApiErrorException(ApiError.InvalidRequest($"'model' is required: this server serves {Describe(Ids)}.", "model"));
        }

        if (string.Equals(requestedModel, model.Id, StringComparison.Ordinal))
        {
            return model;
        }

        throw new ApiErrorException(Ids.Contains(requestedModel, StringComparer.Ordinal)
            ? ApiError.InvalidRequest($"'{requestedModel}' is not a {kind} model; this endpoint uses '{model.Id}'.", "model")
            : ApiError.NotFound(
                $"The model '{requestedModel}' does not exist on this server; it serves {Describe(Ids)} (GET /v1/models lists them).",
                "model", "model_not_found"));
    }

    private static string Describe(IReadOnlyList<string> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));
}
