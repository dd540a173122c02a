namespace RagPlatform.Prompts.DependencyInjection;

public sealed class PromptLibraryOptions
{
    /// <summary>
    /// The library directory. A relative path is looked up in the current directory first, then beside the
    /// application (AppContext.BaseDirectory), where the build copies the repository's prompts/ folder.
    /// </summary>
    public string Directory { get; set; } = "prompts";
}
