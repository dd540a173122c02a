namespace RagPlatform.Prompts;

/// <summary>The six parts of the course's prompt design framework; each is a folder under prompts/components.</summary>
public enum PromptComponentKind
{
    Persona,
    Requirements,
    Organization,
    Medium,
    Purpose,
    Tone,
}

/// <summary>Names of the component kinds as used in folders, defaults.yaml keys and command-line options.</summary>
public static class PromptComponentKinds
{
    private static readonly IReadOnlyDictionary<PromptComponentKind, KindNames> Names =
        new Dictionary<PromptComponentKind, KindNames>
        {
            [PromptComponentKind.Persona] = new("persona", "persona", "personas"),
            [PromptComponentKind.Requirements] = new("requirements", "requirement", "requirements"),
            [PromptComponentKind.Organization] = new("organization", "organization", "organizations"),
            [PromptComponentKind.Medium] = new("medium", "medium", "media"),
            [PromptComponentKind.Purpose] = new("purpose", "purpose", "purposes"),
            [PromptComponentKind.Tone] = new("tone", "tone", "tones"),
        };

    public static IReadOnlyList<PromptComponentKind> All { get; } = Enum.GetValues<PromptComponentKind>();

    /// <summary>The lower-case name: "persona", "requirements", "organization", "medium", "purpose" or "tone".</summary>
    public static string GetName(this PromptComponentKind kind) => Names[kind].Name;

    public static bool TryParse(string? name, out PromptComponentKind kind)
    {
        foreach (var (candidate, names) in Names)
        {
            if (string.Equals(names.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <exception cref="PromptLibraryException">The name is not one of the six kinds.</exception>
    public static PromptComponentKind Parse(string name) =>
        TryParse(name, out var kind)
            ? kind
            : throw new PromptLibraryException($"Unknown component kind '{name}'. Valid kinds: {ValidNames}.");

    /// <summary>"persona, requirements, organization, medium, purpose, tone", for messages.</summary>
    internal static string ValidNames => string.Join(", ", All.Select(GetName));

    internal static string GetSingular(this PromptComponentKind kind) => Names[kind].Singular;

    internal static string GetPlural(this PromptComponentKind kind) => Names[kind].Plural;

    private sealed record KindNames(string Name, string Singular, string Plural);
}
