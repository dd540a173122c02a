using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using RagPlatform.Onnx.Folders;

namespace RagPlatform.Onnx.Runtime;

/// <summary>
/// A causal decoder exported with a key/value cache (Optimum's text-generation-with-past): input_ids,
/// attention_mask, position_ids and past_key_values.{i}.key/value in; logits and present.{i}.key/value out.
/// </summary>
internal sealed partial class DecoderSession : IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string PositionIds = "position_ids";
    private const string CacheBranch = "use_cache_branch";
    private const string Logits = "logits";

    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _pastCount;
    private readonly TensorElementType _cacheType;
    private readonly bool _hasAttentionMask;
    private readonly bool _hasPositionIds;
    private readonly bool _hasCacheBranch;

    private DecoderSession(InferenceSession session, string provider, TransformerConfig config, string modelPath)
    {
        _session = session;
        Provider = provider;
        var inputs = session.InputMetadata;
        var outputs = session.OutputMetadata;

        RequireInput(inputs, InputIds, modelPath);
        _hasAttentionMask = inputs.ContainsKey(AttentionMask);
        _hasPositionIds = inputs.ContainsKey(PositionIds);
        _hasCacheBranch = inputs.ContainsKey(CacheBranch);

        var pastNames = PastNames(inputs.Keys, modelPath);
        var layers = pastNames.Length / 2;
        if (layers != config.RequireLayerCount())
        {
            throw new ModelFolderException(
                $"{modelPath}: has past_key_values for {layers} layers but {config.Path} says num_hidden_layers = {config.NumHiddenLayers}; " +
                "the folder mixes files of different models. Put the config.json of the exported model next to model.onnx.");
        }

        var firstPast = inputs[pastNames[0]];
        ValidateCacheShape(firstPast, pastNames[0], config, modelPath);
        KeyValueHeads = config.KeyValueHeads;
        HeadSize = config.AttentionHeadSize;
        _cacheType = firstPast.ElementDataType;

        if (!outputs.TryGetValue(Logits, out var logits))
        {
            throw new ModelFolderException($"{modelPath}: has no '{Logits}' output; export the model for text generation (a *ForCausalLM head).");
        }

        if (logits.ElementDataType != TensorElementType.Float)
        {
            throw new ModelFolderException($"{modelPath}: logits are {logits.ElementDataType}; the runtime reads float32 logits — export with --dtype fp32.");
        }

        var lastDimension = logits.Dimensions[^1];
        VocabularySize = lastDimension > 0 ? lastDimension : config.VocabSize
            ?? throw new ModelFolderException($"{config.Path}: missing 'vocab_size' (the model's logits do not state it).");

        var presentNames = pastNames.Select(name => PresentName(name)).ToArray();
        var missingPresent = presentNames.FirstOrDefault(name => !outputs.ContainsKey(name));
        if (missingPresent is not null)
        {
            throw new ModelFolderException($"{modelPath}: has no '{missingPresent}' output to feed back as the key/value cache; re-export with --task text-generation-with-past.");
        }

        _pastCount = pastNames.Length;
        _inputNames = [InputIds, .. _hasAttentionMask ? [AttentionMask] : Array.Empty<string>(), .. _hasPositionIds ? [PositionIds] : Array.Empty<string>(),
            .. _hasCacheBranch ? [CacheBranch] : Array.Empty<string>(), .. pastNames];
        _outputNames = [Logits, .. presentNames];
    }

    public string Provider { get; }

    public int KeyValueHeads { get; }

    public int HeadSize { get; }

    public int VocabularySize { get; }

    public static DecoderSession Open(ModelFolder folder, OnnxModelOptions options, ILogger logger) =>
        SessionFactory.Open(folder, options, logger, (session, provider) => new DecoderSession(session, provider, folder.Config, folder.ModelPath));

    public DecoderState CreateState()
    {
        var emptyPast = new OrtValue[_pastCount];
        for (var i = 0; i < emptyPast.Length; i++)
        {
            emptyPast[i] = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, _cacheType, [1, KeyValueHeads, 0, HeadSize]);
        }

        return new DecoderState(emptyPast, VocabularySize);
    }

    /// <summary>Feeds <paramref name="tokens"/> after what <paramref name="state"/> already holds and keeps the new cache.</summary>
    public void Run(DecoderState state, ReadOnlySpan<int> tokens, RunOptions runOptions)
    {
        var newTokens = tokens.Length;
        var total = state.Length + newTokens;
        state.EnsureCapacity(newTokens, total);
        for (var i = 0; i < newTokens; i++)
        {
            state.TokenBuffer[i] = tokens[i];
            state.PositionBuffer[i] = state.Length + i;
        }

        state.CacheBranch[0] = state.Length > 0;
        var inputs = new OrtValue[_inputNames.Length];
        var created = 0;
        try
        {
            long[] tokenShape = [1, newTokens];
            inputs[created++] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, state.TokenBuffer.AsMemory(0, newTokens), tokenShape);
            if (_hasAttentionMask)
            {
                inputs[created++] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, state.AttentionMask(total), [1, total]);
            }

            if (_hasPositionIds)
            {
                inputs[created++] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, state.PositionBuffer.AsMemory(0, newTokens), tokenShape);
            }

            if (_hasCacheBranch)
            {
                inputs[created++] = OrtValue.CreateTensorValueFromMemory(state.CacheBranch, [1]);
            }

            state.Past.CopyTo(inputs, created);
            state.Advance(_session.Run(runOptions, _inputNames, inputs, _outputNames), newTokens);
        }
        finally
        {
            for (var i = 0; i < created; i++)
            {
                inputs[i].Dispose();
            }
        }
    }

    public void Dispose() => _session.Dispose();

    private static void RequireInput(IReadOnlyDictionary<string, NodeMetadata> inputs, string name, string modelPath)
    {
        if (!inputs.TryGetValue(name, out var input))
        {
            throw new ModelFolderException($"{modelPath}: has no '{name}' input; expected a Hugging Face / Optimum export.");
        }

        if (input.ElementDataType != TensorElementType.Int64)
        {
            throw new ModelFolderException($"{modelPath}: '{name}' is {input.ElementDataType}; the runtime feeds int64 ids as Optimum exports them.");
        }
    }

    /// <summary>past_key_values.{i}.key / .value names ordered layer by layer, key before value.</summary>
    private static string[] PastNames(IEnumerable<string> inputNames, string modelPath)
    {
        var past = inputNames
            .Select(name => (Name: name, Match: PastName().Match(name)))
            .Where(item => item.Match.Success)
            .Select(item => (item.Name, Layer: int.Parse(item.Match.Groups[1].Value, CultureInfo.InvariantCulture), Kind: item.Match.Groups[2].Value))
            .OrderBy(item => item.Layer)
            .ThenBy(item => item.Kind == "key" ? 0 : 1)
            .ToArray();
        if (past.Length == 0)
        {
            throw new ModelFolderException(
                $"{modelPath}: has no past_key_values inputs; export the decoder with its key/value cache " +
                "(optimum-cli export onnx --task text-generation-with-past).");
        }

        for (var i = 0; i < past.Length; i++)
        {
            if (past[i].Layer != i / 2 || past[i].Kind != (i % 2 == 0 ? "key" : "value"))
            {
                throw new ModelFolderException($"{modelPath}: past_key_values.{i / 2}.{(i % 2 == 0 ? "key" : "value")} is missing; re-export the model.");
            }
        }

        return past.Select(item => item.Name).ToArray();
    }

    private static string PresentName(string pastName) => "present" + pastName["past_key_values".Length..];

    /// <summary>[batch, key/value heads, past length, head size], checked against config.json.</summary>
    private static void ValidateCacheShape(NodeMetadata past, string name, TransformerConfig config, string modelPath)
    {
        var dimensions = past.Dimensions;
        if (dimensions.Length != 4)
        {
            throw new ModelFolderException($"{modelPath}: {name} has {dimensions.Length} dimensions; expected [batch, kv_heads, past, head_dim].");
        }

        if (dimensions[1] > 0 && dimensions[1] != config.KeyValueHeads)
        {
            throw new ModelFolderException(
                $"{modelPath}: {name} has {dimensions[1]} key/value heads but {config.Path} says {config.KeyValueHeads} " +
                "(num_key_value_heads, or num_attention_heads when absent); the folder mixes files of different models.");
        }

        if (dimensions[3] > 0 && dimensions[3] != config.AttentionHeadSize)
        {
            throw new ModelFolderException(
                $"{modelPath}: {name} has head size {dimensions[3]} but {config.Path} implies {config.AttentionHeadSize} " +
                "(head_dim, or hidden_size / num_attention_heads); the folder mixes files of different models.");
        }
    }

    [GeneratedRegex(@"^past_key_values\.(\d+)\.(key|value)$")]
    private static partial Regex PastName();
}
