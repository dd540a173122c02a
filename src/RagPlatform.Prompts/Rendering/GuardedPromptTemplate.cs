using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel;

namespace RagPlatform.Prompts.Rendering;

/// <summary>
/// Semantic Kernel's own template, guarded: required variables are checked before anything renders (so a missing
/// one fails before any model call) and untrusted values are sanitised against the template's section delimiters.
/// </summary>
internal sealed class GuardedPromptTemplate(LibraryTemplate source, PromptTemplateConfig config, IPromptTemplate inner)
    : IPromptTemplate
{
    public Task<string> RenderAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default) =>
        inner.RenderAsync(kernel, PrepareArguments(arguments ?? []), cancellationToken);

    private KernelArguments PrepareArguments(KernelArguments arguments)
    {
        var missing = config.InputVariables
            .Where(variable => variable.IsRequired && variable.Default is null && !HasValue(arguments, variable.Name))
            .Select(variable => variable.Name)
            .ToList();
        if (missing.Count > 0)
        {
            throw new PromptLibraryException(
                $"Template '{source.Name}' was rendered without its required variable(s) {string.Join(", ", missing.Select(name => $"'{name}'"))} " +
                $"(declared in {source.ConfigFile}). Pass a value for each.");
        }

        var prepared = new KernelArguments(
            new Dictionary<string, object?>(),
            arguments.ExecutionSettings?.ToDictionary(entry => entry.Key, entry => entry.Value));
        foreach (var variable in config.InputVariables.Where(variable => variable.Default is not null && !HasValue(arguments, variable.Name)))
        {
            prepared[variable.Name] = variable.Default;
        }

        foreach (var (name, value) in arguments)
        {
            prepared[name] = value is string text && !IsTrusted(name)
                ? PromptDataSanitizer.Sanitize(text, source.DelimiterPattern)
                : value;
        }

        return prepared;
    }

    private static bool HasValue(KernelArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value is not null;

    private bool IsTrusted(string name) =>
        config.AllowDangerouslySetContent ||
        config.InputVariables.Any(variable =>
            variable.AllowDangerouslySetContent && string.Equals(variable.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Creates <see cref="GuardedPromptTemplate"/>s around Semantic Kernel's core template engine.</summary>
internal sealed class GuardedPromptTemplateFactory(LibraryTemplate source) : IPromptTemplateFactory
{
    public bool TryCreate(PromptTemplateConfig templateConfig, [NotNullWhen(true)] out IPromptTemplate? result)
    {
        result = new KernelPromptTemplateFactory().TryCreate(templateConfig, out var inner)
            ? new GuardedPromptTemplate(source, templateConfig, inner)
            : null;
        return result is not null;
    }
}
