namespace RagPlatform.Onnx;

/// <summary>How <see cref="OnnxChatClient"/> picks tokens. Per-request <c>ChatOptions</c> override these defaults.</summary>
public sealed record GenerationOptions
{
    public int MaxNewTokens { get; init; } = 256;

    /// <summary>0 picks the most likely token every step (greedy); above 0 samples from the softened distribution.</summary>
    public float Temperature { get; init; }

    /// <summary>Sample only among the K most likely tokens; 0 disables the limit.</summary>
    public int TopK { get; init; }

    /// <summary>Sample only among the most likely tokens whose probabilities add up to P (nucleus sampling); 1 disables it.</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>
    /// Divides positive logits (multiplies negative ones) of tokens already in the prompt or output; 1 disables it.
    /// </summary>
    public float RepetitionPenalty { get; init; } = 1f;

    /// <summary>Seed for sampling; the same seed, prompt and options give the same text. Null draws a fresh seed.</summary>
    public long? Seed { get; init; }

    /// <summary>Generation stops before the first occurrence of any of these; the stop text itself is never emitted.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];
}
