namespace RagPlatform.Onnx;

/// <summary>
/// A model folder is missing a file or field, or its files contradict each other. The message names the file or
/// field and says how to fix it.
/// </summary>
public sealed class ModelFolderException : Exception
{
    public ModelFolderException(string message)
        : base(message)
    {
    }

    public ModelFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
