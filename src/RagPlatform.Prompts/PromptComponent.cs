namespace RagPlatform.Prompts;

/// <summary>One library entry, loaded from prompts/components/&lt;kind&gt;/&lt;file&gt;.yaml.</summary>
/// <param name="Text">The instruction text by language code ("en", "id"); every language in <see cref="PromptLanguages.All"/> is present.</param>
/// <param name="RequiresCitations">True for requirements that make answers cite passages as [n].</param>
/// <param name="SourceFile">Path of the YAML file relative to the library directory, with '/' separators.</param>
public sealed record PromptComponent(
    PromptComponentKind Kind,
    string Name,
    string Description,
    IReadOnlyDictionary<string, string> Text,
    bool RequiresCitations,
    string SourceFile)
{
    /// <exception cref="PromptLibraryException">The language is not "en" or "id".</exception>
    public string GetText(string language) => Text[PromptLanguages.Normalize(language)];
}
