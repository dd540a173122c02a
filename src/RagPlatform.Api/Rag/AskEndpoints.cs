using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using RagPlatform.Api.Errors;
using RagPlatform.Api.Http;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Api.Rag;

/// <summary>POST /api/ask and its server-sent-events twin /api/ask/stream.</summary>
internal static class AskEndpoints
{
    private const int MaxTopK = 100;
    private const string LoggerCategory = "RagPlatform.Api.Rag";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/ask", AskAsync)
            .WithName("Ask")
            .WithSummary("Answers a question from the indexed documents, with citations, or abstains.")
            .DocumentJsonBody<AskRequestDto>()
            .Produces<AskResponseDto>(StatusCodes.Status200OK, "application/json")
            .ProducesRagProblems();

        api.MapPost("/ask/stream", AskStreamingAsync)
            .WithName("AskStreaming")
            .WithSummary("Like /api/ask, as server-sent events: \"delta\" events with text, then one \"answer\" event with the full answer, or \"error\".")
            .DocumentJsonBody<AskRequestDto>()
            .Produces<AnswerDeltaDto>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesRagProblems();
    }

    private static async Task<IResult> AskAsync(HttpContext context, [FromServices] IQuestionAnswerer answerer)
    {
        var request = await ReadRequestAsync(context).ConfigureAwait(false);
        var answer = await answerer.AskAsync(request, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(AskResponseDto.From(answer), RagJsonContext.Default.AskResponseDto);
    }

    private static async Task<IResult> AskStreamingAsync(HttpContext context, [FromServices] IQuestionAnswerer answerer, [FromServices] ILoggerFactory loggers)
    {
        var request = await ReadRequestAsync(context).ConfigureAwait(false);
        var updates = await StartedStream.StartAsync(answerer.AskStreamingAsync(request, context.RequestAborted), context).ConfigureAwait(false);
        return TypedResults.ServerSentEvents(ToEventsAsync(updates, loggers.CreateLogger(LoggerCategory)));
    }

    private static async IAsyncEnumerable<SseItem<string>> ToEventsAsync(IAsyncEnumerable<StreamStep<AnswerUpdate>> steps, ILogger logger)
    {
        await foreach (var step in steps.ConfigureAwait(false))
        {
            if (step.Failure is { } failure)
            {
                logger.LogError(failure, "Streaming an answer failed");
                var error = ApiError.FromException(failure);
                yield return new SseItem<string>(
                    JsonSerializer.Serialize(new StreamErrorDto(error.Message, error.Code), RagJsonContext.Default.StreamErrorDto), "error");
                yield break;
            }

            var update = step.Value!;
            if (update.TextDelta.Length > 0)
            {
                yield return new SseItem<string>(
                    JsonSerializer.Serialize(new AnswerDeltaDto(update.TextDelta), RagJsonContext.Default.AnswerDeltaDto), "delta");
            }

            if (update.Completed is { } completed)
            {
                yield return new SseItem<string>(
                    JsonSerializer.Serialize(AskResponseDto.From(completed), RagJsonContext.Default.AskResponseDto), "answer");
            }
        }
    }

    public static void ValidateTopK(int? topK)
    {
        if (topK is < 1 or > MaxTopK)
        {
            throw new ApiErrorException(ApiError.InvalidRequest($"'topK' is {topK}; it must be between 1 and {MaxTopK}.", "topK"));
        }
    }

    private static async Task<AskRequest> ReadRequestAsync(HttpContext context)
    {
        var body = await JsonRequestBody.ReadAsync(context.Request, RagJsonContext.Default.AskRequestDto, context.RequestAborted).ConfigureAwait(false);
        ValidateTopK(body.TopK);
        if (body.HybridWeight is { } hybridWeight && !FusionWeights.IsDenseShare(hybridWeight))
        {
            throw new ApiErrorException(ApiError.InvalidRequest(
                $"'hybridWeight' is {body.HybridWeight.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it must be between 0 (keyword only) and 1 (semantic only).", "hybridWeight"));
        }

        if (body.DocumentIds is { } ids && ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ApiErrorException(ApiError.InvalidRequest("'documentIds' contains an empty id; use ids from GET /api/documents.", "documentIds"));
        }

        return new AskRequest(
            body.Question ?? "",
            body.History?.Select(turn => new ConversationTurn(turn.Question, turn.Answer)).ToList(),
            body.TopK,
            BuildFilter(body),
            body.PromptComponents,
            body.HybridWeight is { } share ? FusionWeights.FromDenseShare(share) : null);
    }

    /// <exception cref="ArgumentException">A malformed tag or metadata entry, answered as a 400 naming the field.</exception>
    private static SearchFilter? BuildFilter(AskRequestDto body)
    {
        var tags = DocumentLabels.NormalizeTags(body.Tags ?? [], "tags");
        var metadata = DocumentLabels.NormalizeMetadata(body.Metadata ?? new Dictionary<string, string>(), "metadata");
        var documentIds = body.DocumentIds is { Count: > 0 } ids ? ids : null;
        return documentIds is null && tags.Count == 0 && metadata.Count == 0
            ? null
            : new SearchFilter(documentIds, tags.Count == 0 ? null : tags, metadata.Count == 0 ? null : metadata);
    }
}
