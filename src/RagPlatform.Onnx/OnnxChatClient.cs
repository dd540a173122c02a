using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Core.Generation;
using RagPlatform.Onnx.Folders;
using RagPlatform.Onnx.Generation;
using RagPlatform.Onnx.Runtime;

namespace RagPlatform.Onnx;

/// <summary>
/// Chat with a local decoder (Qwen2, Llama, Mistral, Phi-3 …) exported to ONNX with its key/value cache. Messages are
/// written in the model's chat format; text streams as it is generated, with usage on the last update.
/// </summary>
public sealed class OnnxChatClient : IChatClient
{
    /// <summary>ChatOptions.AdditionalProperties key for a multiplicative repetition penalty (1 = none, 1.1 typical).</summary>
    public const string RepetitionPenaltyProperty = "repetition_penalty";

    private readonly GenerationOptions _defaults;
    private readonly TextGenerator _generator;
    private OnnxTextScorer? _scorer;
    private bool _disposed;

    public OnnxChatClient(OnnxModelOptions options, ILogger<OnnxChatClient>? logger = null)
        : this(ModelFolder.Load(options.Path, options.MaxLength, options.ModelId), options, logger ?? (ILogger)NullLogger.Instance)
    {
    }

    internal OnnxChatClient(ModelFolder folder, OnnxModelOptions options, ILogger logger)
    {
        if (folder.Task != ModelTask.Generation)
        {
            throw new ModelFolderException(
                $"{folder.Directory} holds an embedding model (model_type '{folder.Config.ModelType}'); use OnnxEmbeddingGenerator for it, " +
                $"or set \"task\": \"generation\" in {ModelManifest.FileName} if it really is a decoder.");
        }

        Folder = folder;
        _defaults = options.Generation;
        Session = DecoderSession.Open(folder, options, logger);
        _generator = new TextGenerator(folder, Session, logger);
        Metadata = new ChatClientMetadata("onnxruntime", new Uri(folder.Directory), folder.ModelId);
        OnnxLog.ModelLoaded(logger, ModelTask.Generation, folder.ModelId, folder.Directory, Session.Provider);
    }

    public ChatClientMetadata Metadata { get; }

    internal ModelFolder Folder { get; }

    internal DecoderSession Session { get; }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var generation = ChatOptionsMapping.Apply(_defaults, options);
        var prompt = Folder.ChatFormatter!.Format(messages, options?.Instructions);
        var promptIds = Folder.Tokenizer.Encode(prompt);
        var responseId = Guid.NewGuid().ToString("N");
        var createdAt = DateTimeOffset.UtcNow;

        await foreach (var chunk in _generator.GenerateAsync(promptIds, generation, cancellationToken).ConfigureAwait(false))
        {
            var update = new ChatResponseUpdate(ChatRole.Assistant, chunk.Text.Length > 0 ? [new TextContent(chunk.Text)] : [])
            {
                ResponseId = responseId,
                MessageId = responseId,
                ModelId = Folder.ModelId,
                CreatedAt = createdAt,
                FinishReason = chunk.FinishReason,
            };
            if (chunk.FinishReason is not null)
            {
                update.Contents.Add(new UsageContent(new UsageDetails
                {
                    InputTokenCount = promptIds.Count,
                    OutputTokenCount = chunk.OutputTokens,
                    TotalTokenCount = promptIds.Count + chunk.OutputTokens,
                }));
            }

            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return Metadata;
        }

        if (serviceType == typeof(ITextScorer) || serviceType == typeof(OnnxTextScorer))
        {
            return _scorer ??= new OnnxTextScorer(this);
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Session.Dispose();
        }
    }
}
