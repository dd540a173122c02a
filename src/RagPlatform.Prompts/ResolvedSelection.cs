namespace RagPlatform.Prompts;

/// <summary>A <see cref="PromptSelection"/> with defaults applied and every name looked up.</summary>
internal sealed record ResolvedSelection(
    string Language,
    PromptComponent Persona,
    IReadOnlyList<PromptComponent> Requirements,
    PromptComponent Organization,
    PromptComponent Medium,
    PromptComponent Purpose,
    PromptComponent Tone)
{
    public bool RequiresCitations => Requirements.Any(requirement => requirement.RequiresCitations);
}
