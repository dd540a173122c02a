using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using RagPlatform.Core.Generation;
using RagPlatform.Onnx.Folders;
using RagPlatform.Onnx.Runtime;

namespace RagPlatform.Onnx;

/// <summary>
/// Sentence embeddings from a local encoder (BERT, XLM-RoBERTa …) exported to ONNX: the query or passage prefix,
/// mean or CLS pooling, optional L2 normalisation. Inputs are batched by token length so little padding is run,
/// and results come back in input order. Inputs longer than the model's limit are truncated, counted and logged.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>GeneratedEmbeddings.AdditionalProperties key: how many inputs of the call were truncated.</summary>
    public const string TruncatedInputsProperty = "truncated_inputs";

    private readonly ModelFolder _folder;
    private readonly EncoderSession _session;
    private readonly ILogger _logger;
    private readonly int _batchSize;
    private long _truncatedInputs;
    private bool _disposed;

    public OnnxEmbeddingGenerator(OnnxModelOptions options, ILogger<OnnxEmbeddingGenerator>? logger = null)
        : this(ModelFolder.Load(options.Path, options.MaxLength, options.ModelId), options, logger ?? (ILogger)NullLogger.Instance)
    {
    }

    internal OnnxEmbeddingGenerator(ModelFolder folder, OnnxModelOptions options, ILogger logger)
    {
        if (folder.Task != ModelTask.Embedding)
        {
            throw new ModelFolderException(
                $"{folder.Directory} holds a generation model (model_type '{folder.Config.ModelType}'); use OnnxChatClient for it, " +
                $"or set \"task\": \"embedding\" in {ModelManifest.FileName} if it really is an encoder.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize, nameof(options.BatchSize));
        _folder = folder;
        _logger = logger;
        _batchSize = options.BatchSize;
        _session = EncoderSession.Open(folder, options, logger);
        Metadata = new EmbeddingGeneratorMetadata("onnxruntime", new Uri(folder.Directory), folder.ModelId, _session.HiddenSize);
        OnnxLog.ModelLoaded(logger, ModelTask.Embedding, folder.ModelId, folder.Directory, _session.Provider);
    }

    public EmbeddingGeneratorMetadata Metadata { get; }

    public int Dimensions => _session.HiddenSize;

    /// <summary>Inputs truncated to the model's maximum length since this generator was created.</summary>
    public long TruncatedInputCount => Interlocked.Read(ref _truncatedInputs);

    internal string Provider => _session.Provider;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new ArgumentException(
                $"{_folder.ModelId} produces {Dimensions}-dimensional embeddings and cannot shorten them to {dimensions}; leave Dimensions unset.",
                nameof(options));
        }

        var prefix = PrefixFor(EmbeddingInputKind.Read(options));
        var inputs = values.Select(text => Tokenize(prefix + text)).ToArray();
        var truncated = inputs.Count(input => input.Truncated);
        if (truncated > 0)
        {
            Interlocked.Add(ref _truncatedInputs, truncated);
            OnnxLog.InputsTruncated(_logger, truncated, inputs.Length, _folder.MaxLength);
        }

        var embeddings = new Embedding<float>[inputs.Length];
        var byLength = Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Ids.Length).ToArray();
        using (var run = new CancellableRun(cancellationToken))
        {
            for (var start = 0; start < byLength.Length; start += _batchSize)
            {
                var batch = new ArraySegment<int>(byLength, start, Math.Min(_batchSize, byLength.Length - start));
                await run.RunAsync(runOptions => EmbedBatch(batch, inputs, embeddings, runOptions)).ConfigureAwait(false);
            }
        }

        var tokens = inputs.Sum(input => (long)input.Ids.Length);
        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens },
            AdditionalProperties = new AdditionalPropertiesDictionary { [TruncatedInputsProperty] = truncated },
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }

    private string PrefixFor(string? inputKind) => inputKind switch
    {
        null or EmbeddingInputKind.Passage => _folder.PassagePrefix,
        EmbeddingInputKind.Query => _folder.QueryPrefix,
        _ => throw new ArgumentException(
            $"Unknown {EmbeddingInputKind.PropertyName} '{inputKind}'; use EmbeddingInputKind.ForQueries() or ForPassages().", "options"),
    };

    /// <summary>The text's ids framed by the model's start and end tokens, cut to the maximum length.</summary>
    private EncodedInput Tokenize(string text)
    {
        var tokenizer = _folder.Tokenizer;
        var content = tokenizer.Encode(text);
        var start = tokenizer.ClsTokenId;
        var end = tokenizer.SepTokenId;
        var room = _folder.MaxLength - (start is null ? 0 : 1) - (end is null ? 0 : 1);
        var kept = Math.Min(content.Count, room);
        var ids = new long[kept + (start is null ? 0 : 1) + (end is null ? 0 : 1)];
        var at = 0;
        if (start is { } startId)
        {
            ids[at++] = startId;
        }

        for (var i = 0; i < kept; i++)
        {
            ids[at++] = content[i];
        }

        if (end is { } endId)
        {
            ids[at] = endId;
        }

        return new EncodedInput(ids, content.Count > kept);
    }

    private void EmbedBatch(ArraySegment<int> batch, EncodedInput[] inputs, Embedding<float>[] embeddings, RunOptions runOptions)
    {
        var length = batch.Max(index => inputs[index].Ids.Length);
        var cells = batch.Count * length;
        var ids = ArrayPool<long>.Shared.Rent(cells);
        var mask = ArrayPool<long>.Shared.Rent(cells);
        var types = ArrayPool<long>.Shared.Rent(cells);
        try
        {
            Array.Fill(ids, _folder.Tokenizer.PadTokenId ?? 0, 0, cells);
            Array.Clear(mask, 0, cells);
            Array.Clear(types, 0, cells);
            for (var row = 0; row < batch.Count; row++)
            {
                var input = inputs[batch[row]].Ids;
                input.CopyTo(ids.AsSpan(row * length));
                mask.AsSpan(row * length, input.Length).Fill(1);
            }

            using var outputs = _session.Run(ids.AsMemory(0, cells), mask.AsMemory(0, cells), types.AsMemory(0, cells), batch.Count, length, runOptions);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            var size = _session.HiddenSize;
            for (var row = 0; row < batch.Count; row++)
            {
                var tokens = inputs[batch[row]].Ids.Length;
                var vector = Pool(hidden.Slice(row * length * size, tokens * size), size);
                embeddings[batch[row]] = new Embedding<float>(vector) { ModelId = _folder.ModelId, CreatedAt = DateTimeOffset.UtcNow };
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
        }
    }

    /// <param name="states">The hidden states of one input's real (unpadded) tokens, token after token.</param>
    private float[] Pool(ReadOnlySpan<float> states, int size)
    {
        var vector = new float[size];
        if (_folder.Pooling == EmbeddingPooling.Cls)
        {
            states[..size].CopyTo(vector);
        }
        else
        {
            var tokens = states.Length / size;
            for (var token = 0; token < tokens; token++)
            {
                TensorPrimitives.Add(vector, states.Slice(token * size, size), vector);
            }

            TensorPrimitives.Divide(vector, tokens, vector);
        }

        if (_folder.Normalize)
        {
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
        }

        return vector;
    }

    private readonly record struct EncodedInput(long[] Ids, bool Truncated);
}
