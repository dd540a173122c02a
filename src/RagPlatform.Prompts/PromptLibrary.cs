using Microsoft.SemanticKernel;
using RagPlatform.Prompts.Loading;
using RagPlatform.Prompts.Rendering;

namespace RagPlatform.Prompts;

/// <summary>
/// The prompt library loaded from a directory people edit without recompiling: framework components
/// (components/&lt;kind&gt;/*.yaml), their defaults (defaults.yaml) and whole templates in Semantic Kernel's prompt
/// directory format (templates/&lt;name&gt;/skprompt.txt + config.json). Immutable once loaded and safe to share.
/// </summary>
public sealed class PromptLibrary
{
    /// <summary>The plugin name <see cref="AddToKernel"/> imports the templates under.</summary>
    public const string PluginName = "prompts";

    private readonly ComponentCatalog catalog;
    private readonly IReadOnlyList<LibraryTemplate> templates;

    internal PromptLibrary(string directory, ComponentCatalog catalog, PromptDefaults defaults, IReadOnlyList<LibraryTemplate> templates)
    {
        Directory = directory;
        Defaults = defaults;
        this.catalog = catalog;
        this.templates = templates;
        TemplateNames = templates.Select(template => template.Name).ToList();
    }

    /// <summary>Full path of the library directory.</summary>
    public string Directory { get; }

    public PromptDefaults Defaults { get; }

    public IReadOnlyList<PromptComponentKind> Kinds => PromptComponentKinds.All;

    /// <summary>Folder names of the templates, sorted, such as "rag-answer".</summary>
    public IReadOnlyList<string> TemplateNames { get; }

    /// <summary>Number of components of all kinds.</summary>
    public int ComponentCount => catalog.Count;

    /// <exception cref="PromptLibraryException">The directory is missing, or any file in it is malformed or inconsistent; the message lists every problem with its file.</exception>
    public static Task<PromptLibrary> LoadAsync(string directory, CancellationToken cancellationToken = default) =>
        PromptLibraryLoader.LoadAsync(directory, cancellationToken);

    /// <summary>The Semantic Kernel function name of a template: hyphens become underscores ("rag-answer" → "rag_answer"), so templates can call it.</summary>
    public static string ToFunctionName(string templateName) => templateName.Replace('-', '_');

    /// <returns>The components of the kind, sorted by name.</returns>
    public IReadOnlyList<PromptComponent> GetComponents(PromptComponentKind kind) => catalog.GetAll(kind);

    /// <exception cref="PromptLibraryException">Unknown name; the message lists the valid names of that kind.</exception>
    public PromptComponent GetComponent(PromptComponentKind kind, string name) => catalog.Find(kind, name);

    /// <returns>A new configuration (description, input variables, execution settings, template text) the caller may change.</returns>
    /// <exception cref="PromptLibraryException">Unknown template name.</exception>
    public PromptTemplateConfig GetTemplate(string templateName) => FindTemplate(templateName).CreateConfig();

    /// <summary>
    /// The template as a Semantic Kernel prompt function named <see cref="ToFunctionName"/>. Invoking it without a
    /// required variable throws <see cref="PromptLibraryException"/> before any model is called.
    /// </summary>
    public KernelFunction CreateFunction(string templateName)
    {
        var template = FindTemplate(templateName);
        return KernelFunctionFactory.CreateFromPrompt(template.CreateConfig(), new GuardedPromptTemplateFactory(template));
    }

    /// <summary>Every template as a function of one plugin named <see cref="PluginName"/>.</summary>
    public KernelPlugin CreatePlugin() =>
        KernelPluginFactory.CreateFromFunctions(
            PluginName,
            "Prompt templates from the RagPlatform prompt library.",
            TemplateNames.Select(CreateFunction));

    /// <summary>Imports <see cref="CreatePlugin"/> into the kernel, so templates run as kernel.InvokeAsync("prompts", "rag_answer", …).</summary>
    public void AddToKernel(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        kernel.Plugins.Add(CreatePlugin());
    }

    /// <summary>
    /// Renders a template with Semantic Kernel's template engine without calling a model. Argument values are data:
    /// they are inserted, HTML-encoded as the engine does unless config.json marks the variable
    /// allow_dangerously_set_content, and never evaluated as template code.
    /// </summary>
    /// <param name="kernel">Kernel whose plugins template function calls may use; by default an empty one.</param>
    /// <exception cref="PromptLibraryException">Unknown template, or a required variable has no value.</exception>
    public Task<string> RenderAsync(
        string templateName,
        KernelArguments arguments,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var template = FindTemplate(templateName);
        var renderer = new GuardedPromptTemplateFactory(template).Create(template.CreateConfig());
        return renderer.RenderAsync(kernel ?? new Kernel(), arguments, cancellationToken);
    }

    internal ResolvedSelection Resolve(PromptSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return new ResolvedSelection(
            PromptLanguages.Normalize(selection.Language),
            catalog.Find(PromptComponentKind.Persona, selection.Persona ?? Defaults.Persona),
            (selection.Requirements ?? Defaults.Requirements)
                .Select(name => catalog.Find(PromptComponentKind.Requirements, name))
                .Distinct()
                .ToList(),
            catalog.Find(PromptComponentKind.Organization, selection.Organization ?? Defaults.Organization),
            catalog.Find(PromptComponentKind.Medium, selection.Medium ?? Defaults.Medium),
            catalog.Find(PromptComponentKind.Purpose, selection.Purpose ?? Defaults.Purpose),
            catalog.Find(PromptComponentKind.Tone, selection.Tone ?? Defaults.Tone));
    }

    private LibraryTemplate FindTemplate(string templateName) =>
        templates.FirstOrDefault(template => string.Equals(template.Name, templateName?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new PromptLibraryException(
            $"Unknown template '{templateName}'. Valid templates: {string.Join(", ", TemplateNames)}.");
}
