using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using RagPlatform.Onnx.Folders;

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

    /// <summary>Creates the session and wraps it; the session is disposed when the wrapper rejects the model.</summary>
    public static TWrapper Open<TWrapper>(
        ModelFolder folder, OnnxModelOptions options, ILogger logger, Func<InferenceSession, string, TWrapper> wrap)
    {
        var (session, provider) = Create(folder.ModelPath, options, logger);
        try
        {
            return wrap(session, provider);
        }
        catch
        {
            session.Dispose();
            throw;
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
                ExecutionProvider.Auto => CudaOrCpu(sessionOptions, logger),
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

    private static string AppendCuda(SessionOptions sessionOptions) =>
        TryAppendCuda(sessionOptions, out var failure)
            ? CudaProviderName
            : throw new InvalidOperationException($"{CudaUnavailableMessage}. ({failure.Message})", failure);

    private static string CudaOrCpu(SessionOptions sessionOptions, ILogger logger)
    {
        if (TryAppendCuda(sessionOptions, out var failure))
        {
            return CudaProviderName;
        }

        OnnxLog.CudaFallback(logger, failure.Message);
        return CpuProviderName;
    }

    /// <summary>The CPU build has no CUDA provider; the GPU build fails here when the CUDA or cuDNN libraries are missing.</summary>
    private static bool TryAppendCuda(SessionOptions sessionOptions, [NotNullWhen(false)] out Exception? failure)
    {
        try
        {
            sessionOptions.AppendExecutionProvider_CUDA();
            failure = null;
            return true;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            failure = ex;
            return false;
        }
    }
}
