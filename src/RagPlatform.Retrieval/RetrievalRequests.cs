using RagPlatform.Core.Retrieval;

namespace RagPlatform.Retrieval;

internal static class RetrievalRequests
{
    public static void Validate(RetrievalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Query, nameof(request));
        if (request.TopK <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.TopK, "RetrievalRequest.TopK must be at least 1.");
        }
    }
}
