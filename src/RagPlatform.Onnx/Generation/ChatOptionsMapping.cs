using Microsoft.Extensions.AI;

namespace RagPlatform.Onnx.Generation;

internal static class ChatOptionsMapping
{
    /// <summary>
    /// Request settings over the configured defaults. Stop sequences add to the defaults. The repetition penalty comes
    /// from AdditionalProperties[<see cref="OnnxChatClient.RepetitionPenaltyProperty"/>], else from a positive
    /// FrequencyPenalty f as 1 + f.
    /// </summary>
    public static GenerationOptions Apply(GenerationOptions defaults, ChatOptions? options)
    {
        if (options is null)
        {
            return defaults;
        }

        var penalty = options.AdditionalProperties?.TryGetValue(OnnxChatClient.RepetitionPenaltyProperty, out float explicitPenalty) == true
            ? explicitPenalty
            : options.FrequencyPenalty is float frequency and > 0 ? 1f + frequency : defaults.RepetitionPenalty;

        return defaults with
        {
            MaxNewTokens = options.MaxOutputTokens ?? defaults.MaxNewTokens,
            Temperature = options.Temperature ?? defaults.Temperature,
            TopK = options.TopK ?? defaults.TopK,
            TopP = options.TopP ?? defaults.TopP,
            Seed = options.Seed ?? defaults.Seed,
            RepetitionPenalty = penalty,
            StopSequences = options.StopSequences is { Count: > 0 } stops ? [.. defaults.StopSequences, .. stops] : defaults.StopSequences,
        };
    }
}
