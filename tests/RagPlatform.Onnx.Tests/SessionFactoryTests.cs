using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Onnx.Runtime;

namespace RagPlatform.Onnx.Tests;

public sealed class SessionFactoryTests
{
    [Fact]
    public void Cuda_on_the_cpu_build_fails_with_the_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SessionFactory.CreateSessionOptions(ExecutionProvider.Cuda, 0, NullLogger.Instance, out _));

        Assert.StartsWith(
            "CUDA requested but the GPU runtime is not available: build with -p:OnnxRuntimeGpu=true and install CUDA 12 + cuDNN, or set Provider=Cpu/Auto",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_falls_back_to_cpu()
    {
        using var options = SessionFactory.CreateSessionOptions(ExecutionProvider.Auto, 1, NullLogger.Instance, out var provider);

        Assert.Equal("CPU", provider);
        Assert.Equal(1, options.IntraOpNumThreads);
    }
}
