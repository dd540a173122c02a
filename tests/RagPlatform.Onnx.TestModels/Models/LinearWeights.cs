namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// A dense layer in MatMul-ready layout: <see cref="Weight"/> is row-major [InputSize, OutputSize], so
/// y[j] = Σᵢ x[i]·Weight[i·OutputSize + j] + Bias[j] (the transpose of PyTorch's nn.Linear storage, as ONNX exports hold it).
/// </summary>
public sealed record LinearWeights(int InputSize, int OutputSize, float[] Weight, float[]? Bias);

/// <summary>LayerNorm scale (gamma) and shift (beta), each of the hidden size.</summary>
public sealed record LayerNormWeights(float[] Gamma, float[] Beta);
