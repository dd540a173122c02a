namespace RagPlatform.Prompts.Loading;

/// <summary>Loads prompts/defaults.yaml and checks every name against the loaded components.</summary>
internal static class DefaultsLoader
{
    public static async Task<PromptDefaults?> LoadAsync(ComponentCatalog catalog, LoadProblems problems, CancellationToken cancellationToken)
    {
        var path = Path.Combine(problems.Root, PromptLibraryFiles.Defaults);
        if (!File.Exists(path))
        {
            problems.Report(PromptLibraryFiles.Defaults, "file is missing; it names the default component of each kind.");
            return null;
        }

        if (await YamlFile.ReadAsync<DefaultsDocument>(path, problems, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        var before = problems.All.Count;
        var persona = Check(PromptComponentKind.Persona, document.Persona);
        var organization = Check(PromptComponentKind.Organization, document.Organization);
        var medium = Check(PromptComponentKind.Medium, document.Medium);
        var purpose = Check(PromptComponentKind.Purpose, document.Purpose);
        var tone = Check(PromptComponentKind.Tone, document.Tone);
        if (document.Requirements is null)
        {
            problems.Report(PromptLibraryFiles.Defaults, "'requirements' is missing; give a list of requirement names (it may be empty: []).");
        }

        var requirements = (document.Requirements ?? []).Select(name => Check(PromptComponentKind.Requirements, name)).ToList();

        return problems.All.Count > before
            ? null
            : new PromptDefaults(persona!, requirements.OfType<string>().ToList(), organization!, medium!, purpose!, tone!);

        string? Check(PromptComponentKind kind, string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Report(PromptLibraryFiles.Defaults, $"'{kind.GetName()}' is missing; name the default {kind.GetSingular()}.");
                return null;
            }

            try
            {
                return catalog.Find(kind, name).Name;
            }
            catch (PromptLibraryException exception)
            {
                problems.Report(PromptLibraryFiles.Defaults, exception.Message);
                return null;
            }
        }
    }
}
