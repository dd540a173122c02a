namespace RagPlatform.Prompts;

/// <summary>
/// The library components to compose a prompt from, by name. A null member uses the library default for its kind
/// (prompts/defaults.yaml); an empty <see cref="Requirements"/> list means "no requirements".
/// </summary>
/// <param name="Language">"en" or "id": which text of each component is used.</param>
public sealed record PromptSelection(
    string Language = PromptLanguages.English,
    string? Persona = null,
    IReadOnlyList<string>? Requirements = null,
    string? Organization = null,
    string? Medium = null,
    string? Purpose = null,
    string? Tone = null)
{
    /// <summary>
    /// Builds a selection from choices keyed by kind name ("persona", "requirements", …), as carried by
    /// <c>AskRequest.PromptComponents</c>. The requirements value is a comma-separated list; blank values use the default.
    /// </summary>
    /// <exception cref="PromptLibraryException">A key is not a component kind.</exception>
    public static PromptSelection FromComponents(
        IReadOnlyDictionary<string, string>? components,
        string language = PromptLanguages.English)
    {
        var selection = new PromptSelection(language);
        foreach (var (key, rawValue) in components ?? new Dictionary<string, string>())
        {
            var value = string.IsNullOrWhiteSpace(rawValue) ? null : rawValue.Trim();
            switch (PromptComponentKinds.Parse(key))
            {
                case PromptComponentKind.Persona:
                    selection = selection with { Persona = value };
                    break;
                case PromptComponentKind.Requirements:
                    selection = selection with { Requirements = SplitList(value) };
                    break;
                case PromptComponentKind.Organization:
                    selection = selection with { Organization = value };
                    break;
                case PromptComponentKind.Medium:
                    selection = selection with { Medium = value };
                    break;
                case PromptComponentKind.Purpose:
                    selection = selection with { Purpose = value };
                    break;
                case PromptComponentKind.Tone:
                    selection = selection with { Tone = value };
                    break;
            }
        }

        return selection;
    }

    private static string[]? SplitList(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
