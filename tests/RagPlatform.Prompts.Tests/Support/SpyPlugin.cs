using Microsoft.SemanticKernel;

namespace RagPlatform.Prompts.Tests.Support;

/// <summary>A plugin whose functions only count their calls; any call means template code was evaluated.</summary>
public sealed class SpyPlugin
{
    public const string Output = "SPY-FUNCTION-WAS-CALLED";

    public int Calls { get; private set; }

    [KernelFunction("now")]
    public string Now()
    {
        Calls++;
        return Output;
    }

    [KernelFunction("secret")]
    public string Secret()
    {
        Calls++;
        return Output;
    }
}
