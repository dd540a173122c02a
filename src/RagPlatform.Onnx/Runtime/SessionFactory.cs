using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace RagPlatform.Onnx.Runtime;

/// <summary>Creates ONNX Runtime sessions on the requested execution provider.</summary>
internal static class SessionFactory
{
    public const string CpuProviderName = "CPU";
    public const string CudaProviderName = "CUDA";

    public const string CudaUnavailableMessage =
        "CUDA requested but the GPU runtime is not available: build with -p:OnnxRuntimeGpu=true and install CUDA 12 + cuDNN, " +
        "or set Provider=Cpu/Auto";

    /// <returns>The session and the name of the provider that runs it.</returns>
    public static (InferenceSession Session, string Provider) Create(string modelPath, OnnxModelOptions options, ILogger logger)
    {
        using var sessionOptions = CreateSessionOptions(options.Provider, options.IntraOpThreads, logger, out var provider);
        try
        {
            return (new InferenceSession(modelPath, sessionOptions), provider);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelFolderException(
                $"{modelPath}: ONNX Runtime cannot load the model ({ex.Message}). Check that the export finished and that " +
                "any external data file (model.onnx_data) sits next to it.",
                ex);
        }
    }

    public static SessionOptions CreateSessionOptions(ExecutionProvider provider, int intraOpThreads, ILogger logger, out string providerName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(intraOpThreads);
        var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        try
        {
            if (intraOpThreads > 0)
            {
                sessionOptions.IntraOpNumThreads = intraOpThreads;
            }

            providerName = provider switch
            {
                ExecutionProvider.Cpu => CpuProviderName,
                ExecutionProvider.Cuda => AppendCuda(sessionOptions),
                ExecutionProvider.Auto => TryAppendCuda(sessionOptions, logger),
                _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown execution provider."),
            };
            return sessionOptions;
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }
    }

    private static string AppendCuda(SessionOptions sessionOptions)
    {
        try
        {
            sessionOptions.AppendExecutionProvider_CUDA();
            return CudaProviderName;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            throw new InvalidOperationException($"{CudaUnavailableMessage}. ({ex.Message})", ex);
        }
    }

    private static string TryAppendCuda(SessionOptions sessionOptions, ILogger logger)
    {
        try
        {
            sessionOptions.AppendExecutionProvider_CUDA();
            return CudaProviderName;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            OnnxLog.CudaFallback(logger, ex.Message);
            return CpuProviderName;
        }
    }
}
