using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using RagPlatform.Prompts.Loading;

namespace RagPlatform.Prompts.Rendering;

/// <summary>
/// A template as loaded from prompts/templates/&lt;name&gt;/. The configuration is kept as JSON and parsed for every
/// use, because Semantic Kernel mutates <see cref="PromptTemplateConfig"/> objects it is given.
/// </summary>
internal sealed partial class LibraryTemplate
{
    private readonly string configJson;

    public LibraryTemplate(string name, string relativeDirectory, string configJson, string text)
    {
        Name = name;
        RelativeDirectory = relativeDirectory;
        this.configJson = configJson;
        Text = text;
        DelimiterPattern = PromptDataSanitizer.CreateDelimiterPattern(
            TagName().Matches(text).Select(match => match.Groups["name"].Value));
    }

    /// <summary>The folder name, such as "rag-answer".</summary>
    public string Name { get; }

    /// <summary>The Semantic Kernel function name, such as "rag_answer".</summary>
    public string FunctionName => PromptLibrary.ToFunctionName(Name);

    public string RelativeDirectory { get; }

    public string Text { get; }

    public string ConfigFile => $"{RelativeDirectory}/{PromptLibraryFiles.TemplateConfig}";

    /// <summary>Matches the tags the template itself uses as section delimiters; data must not contain them.</summary>
    public Regex? DelimiterPattern { get; }

    public PromptTemplateConfig CreateConfig()
    {
        var config = PromptTemplateConfig.FromJson(configJson);
        config.Name = FunctionName;
        config.Template = Text;
        return config;
    }

    [GeneratedRegex(@"<\s*/?\s*(?<name>[A-Za-z_][\w-]*)")]
    private static partial Regex TagName();
}
