using Microsoft.Extensions.AI;
using RagPlatform.Onnx.Generation;

namespace RagPlatform.Onnx.Tests;

public sealed class ChatOptionsMappingTests
{
    private static readonly GenerationOptions Defaults = new() { MaxNewTokens = 100, StopSequences = ["\nUser:"] };

    [Fact]
    public void No_options_keeps_the_defaults()
    {
        Assert.Same(Defaults, ChatOptionsMapping.Apply(Defaults, null));
    }

    [Fact]
    public void Chat_options_override_the_defaults()
    {
        var options = new ChatOptions
        {
            Temperature = 0.7f,
            TopP = 0.9f,
            TopK = 40,
            Seed = 123,
            MaxOutputTokens = 12,
            StopSequences = ["###"],
        };

        var mapped = ChatOptionsMapping.Apply(Defaults, options);

        Assert.Equal(0.7f, mapped.Temperature);
        Assert.Equal(0.9f, mapped.TopP);
        Assert.Equal(40, mapped.TopK);
        Assert.Equal(123, mapped.Seed);
        Assert.Equal(12, mapped.MaxNewTokens);
        Assert.Equal(["\nUser:", "###"], mapped.StopSequences);
        Assert.Equal(1f, mapped.RepetitionPenalty);
    }

    [Fact]
    public void Frequency_penalty_becomes_a_repetition_penalty()
    {
        Assert.Equal(1.3f, ChatOptionsMapping.Apply(Defaults, new ChatOptions { FrequencyPenalty = 0.3f }).RepetitionPenalty, 5);
    }

    [Fact]
    public void Explicit_repetition_penalty_wins_over_frequency_penalty()
    {
        var options = new ChatOptions
        {
            FrequencyPenalty = 0.3f,
            AdditionalProperties = new AdditionalPropertiesDictionary { [OnnxChatClient.RepetitionPenaltyProperty] = 1.1 },
        };

        Assert.Equal(1.1f, ChatOptionsMapping.Apply(Defaults, options).RepetitionPenalty, 5);
    }
}
