using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RagPlatform.Api.Errors;
using RagPlatform.Api.Http;

namespace RagPlatform.Api.OpenAI;

/// <summary>
/// Writes a streamed chat completion the way OpenAI does: a role chunk, one chunk per text delta, a chunk with the
/// finish reason, optionally a usage chunk with no choices, then "[DONE]". A failure mid-stream is sent as an
/// error object and the stream ends without "[DONE]".
/// </summary>
internal sealed class ChatCompletionStream(string id, long created, string model, bool includeUsage, ILogger logger)
{
    internal const string DoneMarker = "[DONE]";

    public async IAsyncEnumerable<SseItem<string>> ToEventsAsync(IAsyncEnumerable<StreamStep<ChatResponseUpdate>> steps)
    {
        yield return Chunk(new ChunkDelta(Role: "assistant", Content: ""), finishReason: null);
        ChatFinishReason? finishReason = null;
        var usage = new UsageDetails();
        await foreach (var step in steps.ConfigureAwait(false))
        {
            if (step.Failure is { } failure)
            {
                logger.LogError(failure, "Streaming chat completion {Id} failed", id);
                yield return Error(ApiError.FromException(failure));
                yield break;
            }

            var update = step.Value!;
            finishReason = update.FinishReason ?? finishReason;
            foreach (var reported in update.Contents.OfType<UsageContent>())
            {
                usage.Add(reported.Details);
            }

            if (update.Text is { Length: > 0 } text)
            {
                yield return Chunk(new ChunkDelta(Content: text), finishReason: null);
            }
        }

        yield return Chunk(new ChunkDelta(), ChatCompletionMapping.FinishReason(finishReason));
        if (includeUsage)
        {
            yield return Data(new ChatCompletionChunk(id, created, model, [], ChatCompletionMapping.Usage(usage)));
        }

        yield return new SseItem<string>(DoneMarker);
    }

    private SseItem<string> Chunk(ChunkDelta delta, string? finishReason) =>
        Data(new ChatCompletionChunk(id, created, model, [new ChatCompletionChunkChoice(0, delta, finishReason)]));

    private static SseItem<string> Data(ChatCompletionChunk chunk) =>
        new(JsonSerializer.Serialize(chunk, OpenAIJsonContext.Default.ChatCompletionChunk));

    private static SseItem<string> Error(ApiError error) =>
        new(JsonSerializer.Serialize(
            new OpenAIErrorResponse(new OpenAIError(error.Message, error.Type, error.Param, error.Code)),
            OpenAIJsonContext.Default.OpenAIErrorResponse));
}
