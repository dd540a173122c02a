namespace RagPlatform.Evaluation.Datasets;

/// <summary>A dataset file is malformed; the message names the file, the line and what to fix.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string filePath, int? lineNumber, string problem)
        : base(lineNumber is null ? $"{Path.GetFileName(filePath)}: {problem}" : $"{Path.GetFileName(filePath)} line {lineNumber}: {problem}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    public string FilePath { get; }

    public int? LineNumber { get; }
}
