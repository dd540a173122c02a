namespace RagPlatform.Prompts;

/// <summary>The component names used when a <see cref="PromptSelection"/> leaves a kind unset (prompts/defaults.yaml).</summary>
public sealed record PromptDefaults(
    string Persona,
    IReadOnlyList<string> Requirements,
    string Organization,
    string Medium,
    string Purpose,
    string Tone);
