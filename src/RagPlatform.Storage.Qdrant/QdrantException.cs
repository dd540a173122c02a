using System.Net;

namespace RagPlatform.Storage.Qdrant;

/// <summary>Qdrant refused a request, could not be reached, or did not confirm a write.</summary>
public sealed class QdrantException : Exception
{
    public QdrantException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status Qdrant answered with, or null when no answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }
}
