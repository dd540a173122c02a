namespace RagPlatform.Web.Chat;

/// <summary>One choosable prompt-library component.</summary>
public sealed record PromptOption(string Name, string Description);

/// <summary>A picker for one component kind of the prompt library.</summary>
/// <param name="Kind">The kind's key in AskRequest.PromptComponents: "persona", "tone", ….</param>
/// <param name="Defaults">What the library uses when nothing is chosen.</param>
/// <param name="AllowsSeveral">True for requirements, which combine; their choice is a comma-separated list.</param>
public sealed record PromptPicker(string Kind, string Label, IReadOnlyList<PromptOption> Options, IReadOnlyList<string> Defaults, bool AllowsSeveral)
{
    /// <summary>The chosen names of this kind in <paramref name="selection"/>, or the defaults when none is chosen.</summary>
    public IReadOnlyList<string> Chosen(IReadOnlyDictionary<string, string> selection) =>
        selection.TryGetValue(Kind, out var value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : Defaults;
}
