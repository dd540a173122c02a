using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using RagPlatform.Onnx.Folders;

namespace RagPlatform.Onnx.Runtime;

/// <summary>
/// A transformer encoder as Optimum exports it: input_ids, attention_mask and (BERT) token_type_ids in,
/// last_hidden_state [batch, tokens, hidden] out.
/// </summary>
internal sealed class EncoderSession : IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";
    private static readonly string[] HiddenStateOutputs = ["last_hidden_state", "token_embeddings"];

    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly bool _hasTokenTypes;

    private EncoderSession(InferenceSession session, string provider, TransformerConfig config, string modelPath)
    {
        _session = session;
        Provider = provider;
        var inputs = session.InputMetadata;
        foreach (var required in new[] { InputIds, AttentionMask })
        {
            if (!inputs.TryGetValue(required, out var input))
            {
                throw new ModelFolderException($"{modelPath}: has no '{required}' input; expected an Optimum export of a Hugging Face encoder.");
            }

            if (input.ElementDataType != TensorElementType.Int64)
            {
                throw new ModelFolderException($"{modelPath}: '{required}' is {input.ElementDataType}; the runtime feeds int64 as Optimum exports it.");
            }
        }

        _hasTokenTypes = inputs.ContainsKey(TokenTypeIds);
        _inputNames = _hasTokenTypes ? [InputIds, AttentionMask, TokenTypeIds] : [InputIds, AttentionMask];

        var outputs = session.OutputMetadata;
        var output = HiddenStateOutputs.FirstOrDefault(outputs.ContainsKey)
            ?? outputs.Where(pair => pair.Value.Dimensions.Length == 3).Select(pair => pair.Key).FirstOrDefault()
            ?? throw new ModelFolderException($"{modelPath}: has no last_hidden_state output ([batch, tokens, hidden]); export the base encoder (feature-extraction task).");
        var metadata = outputs[output];
        if (metadata.ElementDataType != TensorElementType.Float)
        {
            throw new ModelFolderException($"{modelPath}: {output} is {metadata.ElementDataType}; the runtime reads float32 — export with --dtype fp32.");
        }

        var hidden = metadata.Dimensions[^1];
        var configured = config.RequireHiddenSize();
        if (hidden > 0 && hidden != configured)
        {
            throw new ModelFolderException(
                $"{modelPath}: {output} has {hidden} dimensions but {config.Path} says hidden_size = {configured}; the folder mixes files of different models.");
        }

        HiddenSize = configured;
        _outputNames = [output];
    }

    public string Provider { get; }

    public int HiddenSize { get; }

    public static EncoderSession Open(ModelFolder folder, OnnxModelOptions options, ILogger logger) =>
        SessionFactory.Open(folder, options, logger, (session, provider) => new EncoderSession(session, provider, folder.Config, folder.ModelPath));

    /// <summary>Runs a padded batch; the returned collection's first value is [batch, length, hidden] float32.</summary>
    /// <param name="tokenTypes">All zeros; only read when the model has token_type_ids.</param>
    public IDisposableReadOnlyCollection<OrtValue> Run(
        Memory<long> ids, Memory<long> mask, Memory<long> tokenTypes, int batch, int length, RunOptions runOptions)
    {
        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask, shape);
        using var typesValue = _hasTokenTypes ? OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tokenTypes, shape) : null;
        OrtValue[] inputs = typesValue is null ? [idsValue, maskValue] : [idsValue, maskValue, typesValue];
        return _session.Run(runOptions, _inputNames, inputs, _outputNames);
    }

    public void Dispose() => _session.Dispose();
}
