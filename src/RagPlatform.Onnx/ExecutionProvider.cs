namespace RagPlatform.Onnx;

/// <summary>Which ONNX Runtime execution provider runs the model.</summary>
public enum ExecutionProvider
{
    /// <summary>The default CPU provider; always available.</summary>
    Cpu,

    /// <summary>NVIDIA CUDA; needs the GPU build (-p:OnnxRuntimeGpu=true), CUDA 12 and cuDNN. Fails when unavailable.</summary>
    Cuda,

    /// <summary>CUDA when the GPU runtime is available, otherwise CPU.</summary>
    Auto,
}
