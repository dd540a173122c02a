using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace RagPlatform.Web.Chat;

/// <summary>
/// Turns answer Markdown into a sanitised DOM. Answers quote uploaded documents and model output, so both may carry
/// hostile markup: Markdig escapes raw HTML, then HtmlSanitizer keeps only formatting tags and http(s)/mailto links.
/// </summary>
internal static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .Build();

    // Configured once and never changed afterwards, which is what makes the sanitizer safe to share between threads.
    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
            "h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
    });

    /// <summary>The sanitised top-level nodes of the rendered Markdown.</summary>
    public static INodeList ToNodes(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? string.Empty, Pipeline);
        return Sanitizer.SanitizeDom(html).Body!.ChildNodes;
    }
}
