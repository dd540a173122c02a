namespace RagPlatform.Prompts;

/// <summary>The languages every library component is written in; a selection picks one.</summary>
public static class PromptLanguages
{
    public const string English = "en";
    public const string Indonesian = "id";

    public static IReadOnlyList<string> All { get; } = [English, Indonesian];

    /// <returns>The canonical lower-case code.</returns>
    /// <exception cref="PromptLibraryException">The code is not "en" or "id".</exception>
    internal static string Normalize(string? language)
    {
        var code = language?.Trim().ToLowerInvariant();
        return code is not null && All.Contains(code)
            ? code
            : throw new PromptLibraryException($"Unknown language '{language}'. Valid languages: {string.Join(", ", All)}.");
    }
}
