namespace RagPlatform.Prompts.DependencyInjection;

internal static class PromptDirectoryResolver
{
    /// <exception cref="PromptLibraryException">The directory is not set, or a relative one exists in neither place.</exception>
    public static string Resolve(string? configured, string currentDirectory, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new PromptLibraryException(
                $"{nameof(PromptLibraryOptions)}.{nameof(PromptLibraryOptions.Directory)} is empty; set it to the prompt library folder.");
        }

        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }

        string[] candidates = [Path.GetFullPath(configured, currentDirectory), Path.GetFullPath(configured, baseDirectory)];
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new PromptLibraryException(
                $"Prompt library folder '{configured}' was found neither in '{candidates[0]}' nor in '{candidates[1]}'. " +
                $"Set {nameof(PromptLibraryOptions)}.{nameof(PromptLibraryOptions.Directory)} to its path.");
    }
}
