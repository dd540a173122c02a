namespace RagPlatform.Ingestion;

/// <summary>A file that cannot be ingested as it is; <see cref="Reason"/> says why and what to do.</summary>
public sealed class InvalidDocumentException : Exception
{
    public InvalidDocumentException(string sourcePath, string reason, Exception? innerException = null)
        : base($"{sourcePath}: {reason}", innerException)
    {
        SourcePath = sourcePath;
        Reason = reason;
    }

    public string SourcePath { get; }

    /// <summary>The problem without the path, for reports that already show the path.</summary>
    public string Reason { get; }
}
