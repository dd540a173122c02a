namespace RagPlatform.Prompts.Loading;

/// <summary>The layout of a prompt library directory.</summary>
internal static class PromptLibraryFiles
{
    public const string ComponentsFolder = "components";
    public const string TemplatesFolder = "templates";
    public const string Defaults = "defaults.yaml";
    public const string TemplateText = "skprompt.txt";
    public const string TemplateConfig = "config.json";
}
