using Microsoft.Extensions.AI;

namespace RagPlatform.Api.OpenAI;

internal static class ChatCompletionMapping
{
    /// <summary>OpenAI's finish reason; a client that reports none finished normally.</summary>
    public static string FinishReason(ChatFinishReason? reason) => reason?.Value ?? ChatFinishReason.Stop.Value;

    /// <summary>Token counts as reported by the model; a model that reports none is shown as 0.</summary>
    public static TokenUsage Usage(UsageDetails? usage)
    {
        var prompt = usage?.InputTokenCount ?? 0;
        var completion = usage?.OutputTokenCount ?? 0;
        return new TokenUsage(prompt, completion, usage?.TotalTokenCount ?? prompt + completion);
    }
}
