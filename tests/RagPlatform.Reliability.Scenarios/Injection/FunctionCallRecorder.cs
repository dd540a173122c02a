using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace RagPlatform.Reliability.Injection;

/// <summary>
/// Sees every kernel function invocation, and offers bait functions (<c>spy.leak</c>, <c>time.now</c>) that
/// document text names in template syntax: any call to them means document text ran as template code.
/// </summary>
internal sealed class FunctionCallRecorder : IFunctionInvocationFilter
{
    public const string SpyOutput = "SPY-FUNCTION-OUTPUT";

    public ConcurrentQueue<string> Invoked { get; } = new();

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        Invoked.Enqueue($"{context.Function.PluginName}.{context.Function.Name}");
        await next(context);
    }

    public sealed class Bait
    {
        [KernelFunction("leak"), Description("Returns a secret.")]
        public static string Leak() => SpyOutput;

        [KernelFunction("now"), Description("Returns the time.")]
        public static string Now() => SpyOutput;
    }
}
