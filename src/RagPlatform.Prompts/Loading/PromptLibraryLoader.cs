namespace RagPlatform.Prompts.Loading;

internal static class PromptLibraryLoader
{
    public static async Task<PromptLibrary> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new PromptLibraryException(
                $"Prompt library directory '{root}' does not exist. It must contain {PromptLibraryFiles.ComponentsFolder}/, " +
                $"{PromptLibraryFiles.TemplatesFolder}/ and {PromptLibraryFiles.Defaults}.");
        }

        var problems = new LoadProblems(root);
        var catalog = await ComponentLoader.LoadAsync(problems, cancellationToken).ConfigureAwait(false);
        var templates = await TemplateLoader.LoadAsync(problems, cancellationToken).ConfigureAwait(false);
        var defaults = await DefaultsLoader.LoadAsync(catalog, problems, cancellationToken).ConfigureAwait(false);
        if (problems.Any || defaults is null)
        {
            throw new PromptLibraryException(root, problems.All);
        }

        return new PromptLibrary(root, catalog, defaults, templates);
    }
}
