namespace RagPlatform.Prompts.Loading;

/// <summary>Loads prompts/components/&lt;kind&gt;/*.yaml into a <see cref="ComponentCatalog"/>.</summary>
internal static class ComponentLoader
{
    public static async Task<ComponentCatalog> LoadAsync(LoadProblems problems, CancellationToken cancellationToken)
    {
        var componentsRoot = Path.Combine(problems.Root, PromptLibraryFiles.ComponentsFolder);
        var byKind = new Dictionary<PromptComponentKind, IReadOnlyList<PromptComponent>>();
        if (!Directory.Exists(componentsRoot))
        {
            problems.Report(
                PromptLibraryFiles.ComponentsFolder + "/",
                $"folder is missing; it needs one subfolder per kind ({PromptComponentKinds.ValidNames}).");
            return new ComponentCatalog(byKind);
        }

        foreach (var folder in Directory.GetDirectories(componentsRoot).Order(StringComparer.Ordinal))
        {
            if (!PromptComponentKinds.TryParse(Path.GetFileName(folder), out _))
            {
                problems.Report(
                    problems.Relative(folder) + "/",
                    $"is not a component kind. Valid kinds: {PromptComponentKinds.ValidNames}.");
            }
        }

        foreach (var kind in PromptComponentKinds.All)
        {
            byKind[kind] = await LoadKindAsync(kind, Path.Combine(componentsRoot, kind.GetName()), problems, cancellationToken)
                .ConfigureAwait(false);
        }

        return new ComponentCatalog(byKind);
    }

    private static async Task<IReadOnlyList<PromptComponent>> LoadKindAsync(
        PromptComponentKind kind,
        string folder,
        LoadProblems problems,
        CancellationToken cancellationToken)
    {
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder)
                .Where(file => file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (files.Count == 0)
        {
            problems.Report(
                $"{PromptLibraryFiles.ComponentsFolder}/{kind.GetName()}/",
                $"has no .yaml entries; add at least one {kind.GetSingular()}.");
            return [];
        }

        var components = new List<PromptComponent>();
        foreach (var file in files)
        {
            if (await ReadComponentAsync(kind, file, problems, cancellationToken).ConfigureAwait(false) is not { } component)
            {
                continue;
            }

            var duplicate = components.FirstOrDefault(c => string.Equals(c.Name, component.Name, StringComparison.OrdinalIgnoreCase));
            if (duplicate is not null)
            {
                problems.Report(
                    component.SourceFile,
                    $"duplicate {kind.GetSingular()} name '{component.Name}', already used by {duplicate.SourceFile}. Give each entry its own name.");
                continue;
            }

            components.Add(component);
        }

        return components.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static async Task<PromptComponent?> ReadComponentAsync(
        PromptComponentKind kind,
        string file,
        LoadProblems problems,
        CancellationToken cancellationToken)
    {
        if (await YamlFile.ReadAsync<ComponentDocument>(file, problems, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        var relative = problems.Relative(file);
        var found = new List<string>();
        if (string.IsNullOrWhiteSpace(document.Name))
        {
            found.Add("'name' is missing.");
        }
        else if (!LibraryNames.IsValid(document.Name))
        {
            found.Add($"name '{document.Name}' must be {LibraryNames.Rule}, such as 'friendly-tutor'.");
        }

        if (string.IsNullOrWhiteSpace(document.Description))
        {
            found.Add("'description' is missing.");
        }

        var text = document.Text ?? [];
        found.AddRange(PromptLanguages.All
            .Where(language => string.IsNullOrWhiteSpace(text.GetValueOrDefault(language)))
            .Select(language => $"text for language '{language}' is missing; write 'text:' with both '{PromptLanguages.English}:' and '{PromptLanguages.Indonesian}:'."));
        found.AddRange(text.Keys
            .Where(language => !PromptLanguages.All.Contains(language))
            .Select(language => $"'text' has unknown language '{language}'. Valid languages: {string.Join(", ", PromptLanguages.All)}."));

        if (document.RequiresCitations && kind != PromptComponentKind.Requirements)
        {
            found.Add($"'requires_citations' only applies to requirements, not to a {kind.GetSingular()}.");
        }

        foreach (var message in found)
        {
            problems.Report(relative, message);
        }

        return found.Count > 0
            ? null
            : new PromptComponent(
                kind,
                document.Name!,
                document.Description!.Trim(),
                PromptLanguages.All.ToDictionary(language => language, language => text[language]!.Trim()),
                document.RequiresCitations,
                relative);
    }
}
