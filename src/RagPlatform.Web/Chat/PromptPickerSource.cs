using RagPlatform.Prompts;

namespace RagPlatform.Web.Chat;

/// <summary>
/// The persona, tone, organisation, medium, purpose and requirements pickers, built from the prompt library. A
/// library that fails to load leaves the chat usable with the defaults and explains the problem instead.
/// </summary>
internal sealed class PromptPickerSource(IServiceProvider services, ILogger<PromptPickerSource> logger)
{
    private readonly Lazy<(IReadOnlyList<PromptPicker> Pickers, string? Problem)> _loaded = new(() => Load(services, logger));

    public IReadOnlyList<PromptPicker> Pickers => _loaded.Value.Pickers;

    /// <summary>Why the library could not be loaded, or null.</summary>
    public string? Problem => _loaded.Value.Problem;

    public static IReadOnlyList<PromptPicker> FromLibrary(PromptLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return library.Kinds
            .Select(kind => new PromptPicker(
                kind.GetName(),
                Label(kind),
                library.GetComponents(kind).Select(component => new PromptOption(component.Name, component.Description)).ToList(),
                Defaults(library.Defaults, kind),
                AllowsSeveral: kind == PromptComponentKind.Requirements))
            .OrderBy(picker => picker.AllowsSeveral)
            .ToList();
    }

    private static (IReadOnlyList<PromptPicker>, string?) Load(IServiceProvider services, ILogger logger)
    {
        try
        {
            return (FromLibrary(services.GetRequiredService<PromptLibrary>()), null);
        }
        catch (PromptLibraryException e)
        {
            logger.LogError(e, "The prompt library could not be loaded; answers use the built-in prompt");
            return ([], e.Message);
        }
    }

    private static string Label(PromptComponentKind kind) => kind switch
    {
        PromptComponentKind.Persona => "Persona",
        PromptComponentKind.Requirements => "Requirements",
        PromptComponentKind.Organization => "Organization",
        PromptComponentKind.Medium => "Medium",
        PromptComponentKind.Purpose => "Purpose",
        _ => "Tone",
    };

    private static IReadOnlyList<string> Defaults(PromptDefaults defaults, PromptComponentKind kind) => kind switch
    {
        PromptComponentKind.Persona => [defaults.Persona],
        PromptComponentKind.Requirements => defaults.Requirements,
        PromptComponentKind.Organization => [defaults.Organization],
        PromptComponentKind.Medium => [defaults.Medium],
        PromptComponentKind.Purpose => [defaults.Purpose],
        _ => [defaults.Tone],
    };
}
