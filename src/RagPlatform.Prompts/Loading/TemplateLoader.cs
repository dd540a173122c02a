using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using RagPlatform.Prompts.Rendering;

namespace RagPlatform.Prompts.Loading;

/// <summary>Loads prompts/templates/&lt;name&gt;/ folders in Semantic Kernel's prompt directory format.</summary>
internal static partial class TemplateLoader
{
    private const string SupportedFormat = "semantic-kernel";

    // PromptTemplateConfig.FromJson ignores unknown fields, so a misspelt "is_required" would silently keep the
    // default (required). The allowed names come from Semantic Kernel's own JSON contract.
    private static readonly HashSet<string> ConfigFields = JsonFieldsOf<PromptTemplateConfig>();
    private static readonly HashSet<string> VariableFields = JsonFieldsOf<InputVariable>();

    public static async Task<IReadOnlyList<LibraryTemplate>> LoadAsync(LoadProblems problems, CancellationToken cancellationToken)
    {
        var templatesRoot = Path.Combine(problems.Root, PromptLibraryFiles.TemplatesFolder);
        if (!Directory.Exists(templatesRoot))
        {
            problems.Report(PromptLibraryFiles.TemplatesFolder + "/", "folder is missing; it holds one folder per template.");
            return [];
        }

        var templates = new List<LibraryTemplate>();
        foreach (var folder in Directory.GetDirectories(templatesRoot).Order(StringComparer.Ordinal))
        {
            if (await LoadTemplateAsync(folder, problems, cancellationToken).ConfigureAwait(false) is { } template)
            {
                templates.Add(template);
            }
        }

        return templates;
    }

    private static async Task<LibraryTemplate?> LoadTemplateAsync(string folder, LoadProblems problems, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(folder);
        var relativeFolder = problems.Relative(folder);
        var textPath = Path.Combine(folder, PromptLibraryFiles.TemplateText);
        var configPath = Path.Combine(folder, PromptLibraryFiles.TemplateConfig);
        var before = problems.All.Count;
        if (!LibraryNames.IsValid(name))
        {
            problems.Report(relativeFolder + "/", $"template folder names must be {LibraryNames.Rule}, such as 'rag-answer'.");
        }

        foreach (var required in new[] { textPath, configPath }.Where(path => !File.Exists(path)))
        {
            problems.Report(relativeFolder + "/", $"{Path.GetFileName(required)} is missing; a template folder holds {PromptLibraryFiles.TemplateText} and {PromptLibraryFiles.TemplateConfig}.");
        }

        if (problems.All.Count > before)
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(textPath, cancellationToken).ConfigureAwait(false);
        var json = await File.ReadAllTextAsync(configPath, cancellationToken).ConfigureAwait(false);
        var template = new LibraryTemplate(name, relativeFolder, json, text);
        return CheckConfig(template, json, problems) && CheckText(template, problems) ? template : null;
    }

    private static bool CheckConfig(LibraryTemplate template, string json, LoadProblems problems)
    {
        var found = new List<string>();
        PromptTemplateConfig config;
        try
        {
            found.AddRange(FindUnknownFields(json));
            config = PromptTemplateConfig.FromJson(json);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or NotSupportedException)
        {
            var detail = exception.InnerException?.Message ?? exception.Message;
            problems.Report(template.ConfigFile, $"is not a valid prompt configuration: {detail}");
            return false;
        }

        if (string.IsNullOrWhiteSpace(config.Description))
        {
            found.Add("'description' is missing; say what the template is for.");
        }

        if (config.TemplateFormat is { } format && format != SupportedFormat)
        {
            found.Add($"template_format '{format}' is not supported; only '{SupportedFormat}' templates can be loaded.");
        }

        if (!string.IsNullOrEmpty(config.Template))
        {
            found.Add($"must not contain 'template'; the template text belongs in {PromptLibraryFiles.TemplateText}.");
        }

        if (config.Name is not null)
        {
            found.Add("must not contain 'name'; the folder name is the template name.");
        }

        found.AddRange(config.InputVariables
            .GroupBy(variable => variable.Name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => $"input variable '{group.Key}' is declared more than once."));

        foreach (var message in found)
        {
            problems.Report(template.ConfigFile, message);
        }

        return found.Count == 0;
    }

    private static bool CheckText(LibraryTemplate template, LoadProblems problems)
    {
        var textFile = $"{template.RelativeDirectory}/{PromptLibraryFiles.TemplateText}";
        var config = template.CreateConfig();
        var declared = config.InputVariables.Select(variable => variable.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        try
        {
            // Creating the template parses it; Semantic Kernel also appends every variable the text uses to the config.
            new KernelPromptTemplateFactory().Create(config);
        }
        catch (KernelException exception)
        {
            problems.Report(textFile, $"is not a valid Semantic Kernel template: {exception.Message}");
            return false;
        }

        var undeclared = config.InputVariables.Select(variable => variable.Name).Where(name => !declared.Contains(name)).ToList();
        if (undeclared.Count > 0)
        {
            problems.Report(
                textFile,
                $"uses variable(s) {string.Join(", ", undeclared.Select(name => $"'{name}'"))} that {template.ConfigFile} does not declare in input_variables.");
            return false;
        }

        return CheckChatStructure(template, textFile, problems);
    }

    // Semantic Kernel quietly sends a chat prompt that is not well-formed XML as one flat user message, so the
    // structure is checked here. Values are HTML-encoded when rendered, so only the template's own text matters.
    private static bool CheckChatStructure(LibraryTemplate template, string textFile, LoadProblems problems)
    {
        if (!template.Text.Contains("<message", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            ChatPromptReader.Read(CodeBlock().Replace(template.Text, string.Empty), template.Name);
            return true;
        }
        catch (PromptLibraryException exception)
        {
            problems.Report(textFile, $"is not a well-formed chat prompt. {exception.Message}");
            return false;
        }
    }

    private static IEnumerable<string> FindUnknownFields(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject root)
        {
            throw new JsonException("the file must contain a JSON object.");
        }

        var unknown = root.Select(field => field.Key).Where(key => !ConfigFields.Contains(key))
            .Select(key => $"unknown field '{key}'. Valid fields: {string.Join(", ", ConfigFields.Order(StringComparer.Ordinal))}.");
        var variables = (root["input_variables"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .SelectMany(variable => variable.Select(field => field.Key))
            .Where(key => !VariableFields.Contains(key))
            .Select(key => $"unknown input variable field '{key}'. Valid fields: {string.Join(", ", VariableFields.Order(StringComparer.Ordinal))}.");
        return unknown.Concat(variables).ToList();
    }

    private static HashSet<string> JsonFieldsOf<T>() =>
        typeof(T).GetProperties()
            .Select(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
