namespace RagPlatform.Prompts.Tests.Support;

/// <summary>The repository's prompts/ folder, which the Prompts project copies beside the test binaries.</summary>
internal static class ShippedLibrary
{
    public static readonly string Location = Path.Combine(AppContext.BaseDirectory, "prompts");

    private static readonly Lazy<Task<PromptLibrary>> Library = new(() => PromptLibrary.LoadAsync(Location));

    public static Task<PromptLibrary> LoadAsync() => Library.Value;

    /// <summary>Every template folder, listed from disk so that a newly added template is tested too.</summary>
    public static TheoryData<string> TemplateNames() =>
        new(Directory.GetDirectories(Path.Combine(Location, "templates"))
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal));
}
