using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPlatform.Core.Answers;
using RagPlatform.Web;
using RagPlatform.Web.Components.Chat;

namespace RagPlatform.Reliability.Injection;

/// <summary>
/// Renders answers and cited passages with the web UI's own components (AnswerMarkdown, SourcePassage), composed
/// by the web application itself, and counts what in the HTML could run or load content.
/// </summary>
internal sealed class WebRendering : IAsyncDisposable
{
    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "img", "iframe", "frame", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form", "input", "video", "audio", "source",
    };

    private readonly WebApplication _app;
    private readonly HtmlRenderer _renderer;

    public WebRendering(string storePath)
    {
        // Built, never started: only its services are needed to render components.
        _app = RagPlatformWebApplication.Build([$"--Store:Path={storePath}", "--Store:IngestSampleCorpusWhenEmpty=false", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Error", "--Logging:LogLevel:Microsoft.AspNetCore=Error"]);
        _renderer = new HtmlRenderer(_app.Services, _app.Services.GetRequiredService<ILoggerFactory>());
    }

    /// <summary>What one rendering contained.</summary>
    /// <param name="UnsafeNodes">Elements that run or load content, event-handler attributes and script or data URLs.</param>
    /// <param name="Text">The visible text, where document markup must appear as characters.</param>
    public sealed record Rendered(IReadOnlyList<string> UnsafeNodes, string Text);

    public Task<Rendered> AnswerAsync(GroundedAnswer answer) =>
        RenderAsync<AnswerMarkdown>(AnswerParameters(answer.Text, answer.Citations), AnswerParameters("A plain answer.", []));

    /// <summary>The cited passage in its document, as the chat's source panel shows it.</summary>
    public Task<Rendered> SourcePassageAsync(Citation citation) =>
        RenderAsync<SourcePassage>(PassageParameters(citation), PassageParameters(citation with { DocumentId = "no-such-document", Quote = "A plain quote." }));

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static Dictionary<string, object?> AnswerParameters(string markdown, IReadOnlyList<Citation> citations) =>
        new() { [nameof(AnswerMarkdown.Markdown)] = markdown, [nameof(AnswerMarkdown.Citations)] = citations };

    private static Dictionary<string, object?> PassageParameters(Citation citation) => new() { [nameof(SourcePassage.Citation)] = citation };

    /// <param name="plain">The same component over harmless text: what it renders there (its own icons) is not from a document.</param>
    private async Task<Rendered> RenderAsync<TComponent>(Dictionary<string, object?> parameters, Dictionary<string, object?> plain) where TComponent : IComponent
    {
        var own = (await InspectAsync<TComponent>(plain)).UnsafeNodes.ToHashSet(StringComparer.Ordinal);
        var rendered = await InspectAsync<TComponent>(parameters);
        return rendered with { UnsafeNodes = [.. rendered.UnsafeNodes.Where(node => !own.Contains(node))] };
    }

    private async Task<Rendered> InspectAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        var html = await _renderer.Dispatcher.InvokeAsync(async () =>
            (await _renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var unsafeNodes = new List<string>();
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (ActiveElements.Contains(element.LocalName))
            {
                unsafeNodes.Add($"<{element.LocalName} {string.Join(' ', element.Attributes.Select(attribute => $"{attribute.Name}=\"{attribute.Value}\""))}>");
            }

            unsafeNodes.AddRange(element.Attributes.Where(IsUnsafe).Select(attribute => $"{element.LocalName}[{attribute.Name}=\"{attribute.Value}\"]"));
        }

        return new Rendered(unsafeNodes, document.Body.TextContent);
    }

    private static bool IsUnsafe(IAttr attribute) =>
        attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
        || (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href"
            && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) | attribute.Value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase));
}
