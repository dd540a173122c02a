using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using static RagPlatform.Api.OpenAI.JsonFields;

namespace RagPlatform.Api.OpenAI;

/// <summary>Turns an OpenAI chat completion request into Microsoft.Extensions.AI messages and options, or explains what is wrong.</summary>
internal static class ChatRequestReader
{
    private const int MaxStopSequences = 4;

    public static (IReadOnlyList<ChatMessage> Messages, ChatOptions Options) Read(ChatCompletionRequest request, string modelId)
    {
        var messages = ReadMessages(request.Messages);
        RejectUnsupported(request);
        var options = new ChatOptions
        {
            ModelId = modelId,
            Temperature = InRange(request.Temperature, 0, 2, "temperature"),
            TopP = InRange(request.TopP, 0, 1, "top_p"),
            FrequencyPenalty = InRange(request.FrequencyPenalty, -2, 2, "frequency_penalty"),
            PresencePenalty = InRange(request.PresencePenalty, -2, 2, "presence_penalty"),
            MaxOutputTokens = MaxOutputTokens(request),
            Seed = request.Seed,
        };
        var stops = ReadStringOrArray(request.Stop, "stop", MaxStopSequences);
        if (stops.Any(s => s.Length == 0))
        {
            throw Invalid("'stop' sequences must not be empty strings.", "stop");
        }

        if (stops.Count > 0)
        {
            options.StopSequences = [.. stops];
        }

        return (messages, options);
    }

    private static List<ChatMessage> ReadMessages(IReadOnlyList<ChatMessageInput>? inputs)
    {
        if (inputs is null || inputs.Count == 0)
        {
            throw Invalid("'messages' must be a non-empty array of {\"role\", \"content\"} objects.", "messages");
        }

        var messages = new List<ChatMessage>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i] ?? throw Invalid($"'messages[{i}]' is null; each message is an object with \"role\" and \"content\".", $"messages[{i}]");
            messages.Add(new ChatMessage(ReadRole(input.Role, i), ReadContent(input.Content, i)) { AuthorName = input.Name });
        }

        return messages;
    }

    private static ChatRole ReadRole(string? role, int index) => role switch
    {
        "system" or "developer" => ChatRole.System,
        "user" => ChatRole.User,
        "assistant" => ChatRole.Assistant,
        "tool" or "function" => throw Invalid(
            $"'messages[{index}].role' is '{role}': this server runs no tools, so tool results cannot be sent.", $"messages[{index}].role"),
        null => throw Invalid($"'messages[{index}].role' is missing: use system, developer, user or assistant.", $"messages[{index}].role"),
        _ => throw Invalid($"'messages[{index}].role' is '{role}': use system, developer, user or assistant.", $"messages[{index}].role"),
    };

    private static string ReadContent(JsonElement? content, int index)
    {
        var param = $"messages[{index}].content";
        if (content is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw Invalid($"'{param}' is missing: send the message text as a string.", param);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"'{param}' must be a string or an array of text parts, not {Describe(value)}.", param);
        }

        var text = new StringBuilder();
        var partIndex = 0;
        foreach (var part in value.EnumerateArray())
        {
            text.Append(ReadTextPart(part, $"{param}[{partIndex}]"));
            partIndex++;
        }

        return text.ToString();
    }

    private static string ReadTextPart(JsonElement part, string param)
    {
        if (part.ValueKind != JsonValueKind.Object
            || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw Invalid($"'{param}' must be an object like {{\"type\": \"text\", \"text\": \"…\"}}.", param);
        }

        if (type.GetString() != "text")
        {
            throw Invalid($"'{param}' has type '{type.GetString()}': only text parts are supported by this server's models.", param);
        }

        return part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : throw Invalid($"'{param}.text' must be a string.", $"{param}.text");
    }

    private static void RejectUnsupported(ChatCompletionRequest request)
    {
        if (request.N is { } n && n != 1)
        {
            throw Invalid($"'n' is {n}: this server returns one choice per request; omit 'n' or set it to 1.", "n");
        }

        if (request.Tools is { ValueKind: JsonValueKind.Array } tools && tools.GetArrayLength() > 0)
        {
            throw Invalid("'tools' are not supported: this server's models answer in text only; send the request without tools.", "tools");
        }

        if (request.ResponseFormat?.Type is { } format && format != "text")
        {
            throw Invalid($"'response_format' '{format}' is not supported: this server's models cannot guarantee structured output; use \"text\".", "response_format");
        }
    }

    private static int? MaxOutputTokens(ChatCompletionRequest request)
    {
        var (value, param) = request.MaxCompletionTokens is { } completion
            ? (completion, "max_completion_tokens")
            : (request.MaxTokens, "max_tokens");
        return value is < 1
            ? throw Invalid($"'{param}' is {value}; it must be at least 1.", param)
            : value;
    }

    private static float? InRange(float? value, float min, float max, string param) =>
        value is { } v && (float.IsNaN(v) || v < min || v > max)
            ? throw Invalid($"'{param}' is {v}; it must be between {min} and {max}.", param)
            : value;
}
