namespace RagPlatform.Prompts;

/// <summary>
/// A problem with the prompt library or with a request against it: a malformed or inconsistent library file, an
/// unknown component or template name, or a template rendered without its required variables. The message names
/// the file or the valid choices, so it can be shown to the user as it is.
/// </summary>
public sealed class PromptLibraryException : Exception
{
    public PromptLibraryException(string message)
        : base(message)
    {
        Problems = [message];
    }

    internal PromptLibraryException(string libraryDirectory, IReadOnlyList<string> problems)
        : base(FormatProblems(libraryDirectory, problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem found, one per entry; a library load reports every problem it finds, not just the first.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string FormatProblems(string libraryDirectory, IReadOnlyList<string> problems)
    {
        var heading = problems.Count == 1
            ? $"The prompt library at '{libraryDirectory}' has a problem:"
            : $"The prompt library at '{libraryDirectory}' has {problems.Count} problems:";
        return heading + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p));
    }
}
