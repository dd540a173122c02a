namespace RagPlatform.Prompts.Loading;

/// <summary>Collects every problem of one library load, each prefixed with the file it is about.</summary>
internal sealed class LoadProblems(string root)
{
    private readonly List<string> problems = [];

    public string Root { get; } = root;

    public IReadOnlyList<string> All => problems;

    public bool Any => problems.Count > 0;

    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public void Report(string relativeFile, string message) => problems.Add($"{relativeFile}: {message}");
}
