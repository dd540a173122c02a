using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace RagPlatform.Ingestion;

/// <summary>
/// HTML via AngleSharp: scripts, styles and other invisible content are dropped, h1–h6 give heading paths, block
/// elements (p, li, pre, blockquote, div, …) become blocks and table rows become "a | b" blocks.
/// </summary>
internal sealed partial class HtmlReader : IDocumentReader
{
    public string Format => "html";

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public async Task<ExtractedDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var html = await TextFileDecoder.ReadAllTextAsync(content, sourcePath, cancellationToken);
        var document = HtmlText.Parse(html);
        var walker = new Walker();
        if (document.Body is { } body)
        {
            walker.Visit(body, depth: 0);
        }

        walker.Flush();
        return new ExtractedDocument(DocumentTitles.Choose(sourcePath, document.Title, walker.FirstTopLevelHeading), walker.Blocks);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    private static string CollapseWhitespace(string text) => WhitespaceRun().Replace(text, " ");

    private sealed class Walker
    {
        /// <summary>Deeper markup is read as plain text: hostile pages nest thousands of levels to exhaust the stack.</summary>
        private const int MaxDepth = 256;

        private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
        {
            "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li", "main", "nav", "ol", "p",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "ul",
        };

        private readonly HeadingTrail _headings = new();
        private readonly StringBuilder _inline = new();

        public List<DocumentBlock> Blocks { get; } = [];

        public string? FirstTopLevelHeading { get; private set; }

        public void Visit(INode node, int depth)
        {
            if (node is IText text)
            {
                _inline.Append(CollapseWhitespace(text.Data));
                return;
            }

            if (node is not IElement element)
            {
                return;
            }

            if (depth > MaxDepth)
            {
                _inline.Append(CollapseWhitespace(element.TextContent));
                return;
            }

            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Flush();
                    var level = element.LocalName[1] - '0';
                    if (level == 1)
                    {
                        FirstTopLevelHeading ??= element.TextContent;
                    }

                    _headings.Enter(level, element.TextContent);
                    break;
                case "pre":
                    Flush();
                    Add(element.TextContent);
                    break;
                case "tr":
                    Flush();
                    Add(string.Join(" | ", element.Children.Where(cell => cell.LocalName is "td" or "th").Select(cell => CollapseWhitespace(cell.TextContent).Trim())));
                    break;
                case "br":
                    _inline.Append('\n');
                    break;
                case var name when BlockElements.Contains(name):
                    Flush();
                    VisitChildren(element, depth);
                    Flush();
                    break;
                default:
                    VisitChildren(element, depth);
                    break;
            }
        }

        public void Flush()
        {
            var text = _inline.ToString();
            _inline.Clear();
            if (!string.IsNullOrWhiteSpace(text))
            {
                Add(text);
            }
        }

        private void VisitChildren(IElement element, int depth)
        {
            foreach (var child in element.ChildNodes)
            {
                Visit(child, depth + 1);
            }
        }

        private void Add(string text) => Blocks.Add(new DocumentBlock(text, _headings.Path, null));
    }
}
