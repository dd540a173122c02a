namespace RagPlatform.Experiments.Definition;

/// <summary>An experiment file that cannot be run; the message names the file and every faulty field.</summary>
public sealed class ExperimentFileException : Exception
{
    public ExperimentFileException(string path, IReadOnlyList<string> problems)
        : base(Describe(path, problems))
    {
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    /// <summary>Each problem as "field: what is wrong and what to do".</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string path, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"{path}: {problems[0]}"
            : $"{path} has {problems.Count} problems:{string.Concat(problems.Select(problem => Environment.NewLine + "  - " + problem))}";
}
