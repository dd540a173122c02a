using Microsoft.Extensions.Logging;

namespace RagPlatform.Onnx;

internal static partial class OnnxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded {Task} model {ModelId} from {Path} on {Provider}")]
    public static partial void ModelLoaded(ILogger logger, ModelTask task, string modelId, string path, string provider);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "CUDA is not available ({Reason}); running on CPU")]
    public static partial void CudaFallback(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Truncated {Count} of {Total} inputs to the model's {MaxLength} tokens; the text past the limit was not embedded")]
    public static partial void InputsTruncated(ILogger logger, int count, int total, int maxLength);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Generated {OutputTokens} tokens after a {InputTokens}-token prompt ({FinishReason})")]
    public static partial void Generated(ILogger logger, int inputTokens, int outputTokens, string finishReason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Downloading {File} from {Repository}@{Revision}")]
    public static partial void Downloading(ILogger logger, string file, string repository, string revision);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Resuming {File} at byte {Offset}")]
    public static partial void Resuming(ILogger logger, string file, long offset);
}
