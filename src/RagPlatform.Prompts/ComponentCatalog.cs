namespace RagPlatform.Prompts;

/// <summary>The loaded components of each kind, sorted by name, with name lookup that explains its failures.</summary>
internal sealed class ComponentCatalog(IReadOnlyDictionary<PromptComponentKind, IReadOnlyList<PromptComponent>> componentsByKind)
{
    public IReadOnlyList<PromptComponent> GetAll(PromptComponentKind kind) =>
        componentsByKind.TryGetValue(kind, out var components) ? components : [];

    public int Count => componentsByKind.Values.Sum(components => components.Count);

    /// <exception cref="PromptLibraryException">No component of that kind has the name; the message lists the valid names.</exception>
    public PromptComponent Find(PromptComponentKind kind, string name)
    {
        var candidates = GetAll(kind);
        return candidates.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new PromptLibraryException(
                $"Unknown {kind.GetSingular()} '{name}'. Valid {kind.GetPlural()}: {string.Join(", ", candidates.Select(c => c.Name))}.");
    }
}
