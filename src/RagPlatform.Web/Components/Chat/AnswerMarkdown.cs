using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using RagPlatform.Core.Answers;
using RagPlatform.Web.Chat;

namespace RagPlatform.Web.Components.Chat;

/// <summary>
/// Shows answer Markdown, sanitised, with every "[n]" that names one of <see cref="Citations"/> turned into a
/// button that opens the cited passage. The sanitised DOM is rebuilt as Blazor elements instead of being injected
/// as raw markup, so the citation buttons are real components and nothing the sanitiser missed can run.
/// </summary>
public sealed partial class AnswerMarkdown : ComponentBase
{
    private static readonly HashSet<string> LiteralTextElements = new(StringComparer.OrdinalIgnoreCase) { "code", "pre", "a" };

    [Parameter, EditorRequired]
    public string Markdown { get; set; } = string.Empty;

    [Parameter]
    public IReadOnlyList<Citation> Citations { get; set; } = [];

    [Parameter]
    public EventCallback<Citation> OnCitationSelected { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "markdown");
        foreach (var node in SafeMarkdown.ToNodes(Markdown))
        {
            builder.OpenRegion(2);
            RenderNode(builder, node, citationsAllowed: true);
            builder.CloseRegion();
        }

        builder.CloseElement();
    }

    private void RenderNode(RenderTreeBuilder builder, INode node, bool citationsAllowed)
    {
        switch (node)
        {
            case IElement element:
                RenderElement(builder, element, citationsAllowed && !LiteralTextElements.Contains(element.LocalName));
                break;
            case IText text when citationsAllowed && Citations.Count > 0:
                RenderTextWithCitations(builder, text.Data);
                break;
            case IText text:
                builder.AddContent(0, text.Data);
                break;
        }
    }

    private void RenderElement(RenderTreeBuilder builder, IElement element, bool citationsAllowed)
    {
        builder.OpenElement(0, element.LocalName);
        foreach (var attribute in element.Attributes)
        {
            builder.AddAttribute(1, attribute.Name, attribute.Value);
        }

        if (element.LocalName == "a")
        {
            builder.AddAttribute(2, "rel", "noopener noreferrer nofollow");
            builder.AddAttribute(3, "target", "_blank");
        }

        foreach (var child in element.ChildNodes)
        {
            builder.OpenRegion(4);
            RenderNode(builder, child, citationsAllowed);
            builder.CloseRegion();
        }

        builder.CloseElement();
    }

    private void RenderTextWithCitations(RenderTreeBuilder builder, string text)
    {
        var position = 0;
        foreach (Match marker in CitationMarker().Matches(text))
        {
            var citation = Citations.FirstOrDefault(c => c.Number == int.Parse(marker.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            if (citation is null)
            {
                continue;
            }

            builder.AddContent(0, text[position..marker.Index]);
            builder.OpenElement(1, "button");
            builder.AddAttribute(2, "type", "button");
            builder.AddAttribute(3, "class", "citation-chip");
            builder.AddAttribute(4, "aria-label", $"Source {citation.Number}: {citation.Title}");
            builder.AddAttribute(5, "title", citation.Title);
            builder.AddAttribute(6, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => OnCitationSelected.InvokeAsync(citation)));
            builder.AddContent(7, citation.Number);
            builder.CloseElement();
            position = marker.Index + marker.Length;
        }

        builder.AddContent(8, text[position..]);
    }

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex CitationMarker();
}
