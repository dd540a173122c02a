using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RagPlatform.Ingestion;

internal static class HtmlText
{
    /// <summary>Elements whose content is never visible prose.</summary>
    private const string HiddenContentSelector = "script, style, noscript, template, svg, iframe, object, canvas";

    public static IHtmlDocument Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(HiddenContentSelector).ToList())
        {
            element.Remove();
        }

        return document;
    }

    /// <summary>The visible text of an HTML fragment (e.g. a raw HTML block inside Markdown).</summary>
    public static string VisibleText(string html) => Parse(html).Body?.TextContent ?? string.Empty;

}
