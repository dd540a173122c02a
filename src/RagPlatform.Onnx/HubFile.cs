namespace RagPlatform.Onnx;

/// <summary>A file of a Hugging Face repository at one revision.</summary>
/// <param name="Path">Path inside the repository, with '/' separators.</param>
/// <param name="Size">Bytes, when the hub lists it.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content, which the hub lists for LFS files.</param>
public sealed record HubFile(string Path, long? Size, string? Sha256);
