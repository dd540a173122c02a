using Microsoft.Extensions.AI;

namespace RagPlatform.Onnx.Generation;

/// <param name="Text">Text completed since the previous chunk; may be empty on the last chunk.</param>
/// <param name="OutputTokens">Tokens generated so far.</param>
/// <param name="FinishReason">Set on the last chunk only.</param>
internal readonly record struct GeneratedChunk(string Text, int OutputTokens, ChatFinishReason? FinishReason = null);
