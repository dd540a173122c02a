using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RagPlatform.Api.Errors;
using RagPlatform.Api.Http;

namespace RagPlatform.Api.OpenAI;

/// <summary>The OpenAI-compatible endpoints under /v1, served from the registered chat client and embedding generator.</summary>
internal static class OpenAIEndpoints
{
    private const int MaxEmbeddingInputs = 2048;
    private const string LoggerCategory = "RagPlatform.Api.OpenAI";

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/chat/completions", CompleteChatAsync)
            .WithName("CreateChatCompletion")
            .WithSummary("Chat completion from the configured generator model; \"stream\": true answers with server-sent events.")
            .DocumentJsonBody<ChatCompletionRequest>()
            .Produces<ChatCompletionResponse>(StatusCodes.Status200OK, "application/json")
            .Produces<ChatCompletionChunk>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesOpenAIErrors();

        v1.MapPost("/embeddings", EmbedAsync)
            .WithName("CreateEmbeddings")
            .WithSummary("Embeddings of one or more texts from the configured embedding model.")
            .DocumentJsonBody<EmbeddingRequest>()
            .Produces<EmbeddingResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesOpenAIErrors();

        v1.MapGet("/models", ListModels)
            .WithName("ListModels")
            .WithSummary("The ids of the configured chat and embedding models.")
            .Produces<ModelList>(StatusCodes.Status200OK, "application/json")
            .ProducesOpenAIErrors();

        v1.MapGet("/models/{id}", GetModel)
            .WithName("RetrieveModel")
            .WithSummary("One configured model.")
            .Produces<ModelCard>(StatusCodes.Status200OK, "application/json")
            .ProducesOpenAIErrors();
    }

    private static async Task<IResult> CompleteChatAsync(
        HttpContext context, [FromServices] ServedModels models, [FromServices] TimeProvider clock, [FromServices] ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var request = await JsonRequestBody.ReadAsync(context.Request, OpenAIJsonContext.Default.ChatCompletionRequest, cancellationToken).ConfigureAwait(false);
        var model = models.RequireChat(request.Model);
        var (messages, options) = ChatRequestReader.Read(request, model.Id);
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = clock.GetUtcNow().ToUnixTimeSeconds();

        if (request.Stream == true)
        {
            var updates = await StartedStream.StartAsync(model.Client.GetStreamingResponseAsync(messages, options, cancellationToken), context).ConfigureAwait(false);
            var stream = new ChatCompletionStream(id, created, model.Id, request.StreamOptions?.IncludeUsage == true, loggers.CreateLogger(LoggerCategory));
            return TypedResults.ServerSentEvents(stream.ToEventsAsync(updates));
        }

        var response = await model.Client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var choice = new ChatCompletionChoice(0, new AssistantMessage(response.Text), ChatCompletionMapping.FinishReason(response.FinishReason));
        return TypedResults.Json(
            new ChatCompletionResponse(id, created, model.Id, [choice], ChatCompletionMapping.Usage(response.Usage)),
            OpenAIJsonContext.Default.ChatCompletionResponse);
    }

    private static async Task<IResult> EmbedAsync(HttpContext context, [FromServices] ServedModels models)
    {
        var cancellationToken = context.RequestAborted;
        var request = await JsonRequestBody.ReadAsync(context.Request, OpenAIJsonContext.Default.EmbeddingRequest, cancellationToken).ConfigureAwait(false);
        var model = models.RequireEmbedding(request.Model);
        var inputs = ReadEmbeddingInputs(request);
        var asBase64 = request.EncodingFormat switch
        {
            null or "float" => false,
            "base64" => true,
            var other => throw JsonFields.Invalid($"'encoding_format' is '{other}': use \"float\" or \"base64\".", "encoding_format"),
        };
        if (request.Dimensions is < 1)
        {
            throw JsonFields.Invalid($"'dimensions' is {request.Dimensions}; it must be at least 1.", "dimensions");
        }

        var options = new EmbeddingGenerationOptions { ModelId = model.Id, Dimensions = request.Dimensions };
        var embeddings = await model.Client.GenerateAsync(inputs, options, cancellationToken).ConfigureAwait(false);
        if (request.Dimensions is { } wanted && embeddings.FirstOrDefault(e => e.Vector.Length != wanted) is { } mismatch)
        {
            throw JsonFields.Invalid(
                $"'dimensions' is {wanted} but model '{model.Id}' produces {mismatch.Vector.Length}-dimensional embeddings; omit 'dimensions'.",
                "dimensions");
        }

        var data = embeddings.Select((embedding, index) => new EmbeddingData(index, new EncodedEmbedding(embedding.Vector, asBase64))).ToList();
        var promptTokens = embeddings.Usage?.InputTokenCount ?? 0;
        var usage = new TokenUsage(promptTokens, CompletionTokens: null, embeddings.Usage?.TotalTokenCount ?? promptTokens);
        return TypedResults.Json(new EmbeddingResponse(data, model.Id, usage), OpenAIJsonContext.Default.EmbeddingResponse);
    }

    private static IReadOnlyList<string> ReadEmbeddingInputs(EmbeddingRequest request)
    {
        if (request.Input is { ValueKind: JsonValueKind.Array } array
            && array.EnumerateArray().Any(item => item.ValueKind is JsonValueKind.Number or JsonValueKind.Array))
        {
            throw JsonFields.Invalid("'input' holds token ids: this server tokenizes for its own model, so send the texts as strings.", "input");
        }

        var inputs = JsonFields.ReadStringOrArray(request.Input, "input", MaxEmbeddingInputs);
        if (inputs.Count == 0)
        {
            throw JsonFields.Invalid("'input' is required: a string or an array of strings to embed.", "input");
        }

        var empty = inputs.Select((text, index) => (text, index)).FirstOrDefault(x => string.IsNullOrWhiteSpace(x.text));
        return empty.text is not null
            ? throw JsonFields.Invalid($"'input[{empty.index}]' is empty; every input must contain text.", $"input[{empty.index}]")
            : inputs;
    }

    private static IResult ListModels([FromServices] ServedModels models) =>
        TypedResults.Json(
            new ModelList([.. models.Ids.Select(id => Card(id, models))]),
            OpenAIJsonContext.Default.ModelList);

    private static IResult GetModel(string id, [FromServices] ServedModels models) =>
        models.Ids.Contains(id, StringComparer.Ordinal)
            ? TypedResults.Json(Card(id, models), OpenAIJsonContext.Default.ModelCard)
            : throw new ApiErrorException(ApiError.NotFound(
                $"The model '{id}' does not exist on this server (GET /v1/models lists the models it serves).", "model", "model_not_found"));

    private static ModelCard Card(string id, ServedModels models) => new(id, models.Created, "ragplatform");
}
