namespace RagPlatform.Reliability.Load;

/// <param name="Requests">Total requests, alternating between /api/ask and /v1/chat/completions.</param>
/// <param name="Clients">Concurrent HTTP clients.</param>
/// <param name="MaxDuration">The run fails if the requests are not done by then.</param>
/// <param name="MemoryTolerance">Managed heap after the run may exceed the heap after warm-up by this share.</param>
/// <param name="MaxTokens">max_tokens of each chat completion.</param>
public sealed record LoadOptions(
    int Requests = 2000,
    int Clients = 8,
    TimeSpan? MaxDuration = null,
    double MemoryTolerance = 0.25,
    int MaxTokens = 8)
{
    public TimeSpan Deadline => MaxDuration ?? TimeSpan.FromMinutes(10);
}
