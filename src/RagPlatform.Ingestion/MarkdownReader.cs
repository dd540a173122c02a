using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RagPlatform.Ingestion;

/// <summary>
/// Markdown via the Markdig syntax tree: headings become heading paths (not body text), code blocks are kept,
/// links keep their text, YAML front matter is dropped, pipe-table rows become "a | b" blocks.
/// </summary>
internal sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public string Format => "md";

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public async Task<ExtractedDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var text = await TextFileDecoder.ReadAllTextAsync(content, sourcePath, cancellationToken);
        var document = Markdown.Parse(text, Pipeline);
        var walker = new Walker();
        walker.Visit(document);
        return new ExtractedDocument(DocumentTitles.Choose(sourcePath, walker.FirstTopLevelHeading), walker.Blocks);
    }

    private sealed class Walker
    {
        private readonly HeadingTrail _headings = new();

        public List<DocumentBlock> Blocks { get; } = [];

        public string? FirstTopLevelHeading { get; private set; }

        public void Visit(Block block)
        {
            switch (block)
            {
                case YamlFrontMatterBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock:
                    break;
                case HeadingBlock heading:
                    var headingText = InlineText(heading.Inline);
                    if (heading.Level == 1)
                    {
                        FirstTopLevelHeading ??= headingText;
                    }

                    _headings.Enter(heading.Level, headingText);
                    break;
                case CodeBlock code:
                    Add(code.Lines.ToString());
                    break;
                case HtmlBlock html:
                    Add(HtmlText.VisibleText(html.Lines.ToString()));
                    break;
                case TableRow row:
                    Add(string.Join(" | ", row.OfType<TableCell>().Select(CellText)));
                    break;
                case LeafBlock leaf:
                    Add(InlineText(leaf.Inline));
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Visit(child);
                    }

                    break;
            }
        }

        private void Add(string text) => Blocks.Add(new DocumentBlock(text, _headings.Path, null));

        private static string CellText(TableCell cell) =>
            string.Join(" ", cell.OfType<LeafBlock>().Select(leaf => InlineText(leaf.Inline)));

        private static string InlineText(ContainerInline? inline)
        {
            var text = new StringBuilder();
            AppendInline(inline, text);
            return text.ToString();
        }

        private static void AppendInline(Inline? inline, StringBuilder text)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        AppendInline(child, text);
                    }

                    break;
            }
        }
    }
}
