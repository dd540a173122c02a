namespace RagPlatform.Onnx;

/// <param name="File">Path inside the repository.</param>
/// <param name="BytesReceived">Bytes on disk so far, including bytes from an earlier interrupted download.</param>
/// <param name="TotalBytes">The file's size when known.</param>
public sealed record DownloadProgress(string File, long BytesReceived, long? TotalBytes);
