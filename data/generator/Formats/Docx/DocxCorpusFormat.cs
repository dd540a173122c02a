using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using RagPlatform.SampleCorpus.Sources;

namespace RagPlatform.SampleCorpus.Formats.Docx;

/// <summary>Writes a source as a Word document with real heading styles, then checks the structure read back.</summary>
internal sealed class DocxCorpusFormat : ICorpusFormat
{
    public string Extension => "docx";

    public void Write(SourceDocument document, string outputPath)
    {
        using var package = WordprocessingDocument.Create(outputPath, WordprocessingDocumentType.Document);
        var mainPart = package.AddMainDocumentPart();
        mainPart.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyleSheet.Create();
        mainPart.Document = new Document(DocxBodyBuilder.Build(document.Blocks));

        DocxCoreProperties.Write(package, document.Title, CorpusAuthorship.Author);
    }

    public string Verify(SourceDocument document, string outputPath)
    {
        using var package = WordprocessingDocument.Open(outputPath, isEditable: false);
        var mainPart = package.MainDocumentPart
            ?? throw new InvalidDataException($"{outputPath}: the package has no main document part.");

        var schemaError = new OpenXmlValidator().Validate(package).FirstOrDefault();
        if (schemaError is not null)
        {
            throw new InvalidDataException($"{outputPath}: invalid WordprocessingML at {schemaError.Path?.XPath}: {schemaError.Description}");
        }

        RequireHeadingStyles(mainPart, outputPath);
        if (package.PackageProperties.Title != document.Title)
        {
            throw new InvalidDataException(
                $"{outputPath}: the core title is '{package.PackageProperties.Title}', expected '{document.Title}'.");
        }

        var body = mainPart.Document?.Body
            ?? throw new InvalidDataException($"{outputPath}: the main document part has no body.");
        var blocks = body.ChildElements.Where(element => element is Paragraph or Table).ToArray();
        if (blocks.Length != document.Blocks.Count)
        {
            throw new InvalidDataException(
                $"{outputPath}: the body has {blocks.Length} paragraphs and tables, the source has {document.Blocks.Count} blocks.");
        }

        for (var index = 0; index < blocks.Length; index++)
        {
            RequireSameBlock(document.Blocks[index], blocks[index], $"{outputPath}, block {index + 1}");
        }

        var headingCount = document.Blocks.OfType<HeadingBlock>().Count();
        var tableCount = document.Blocks.OfType<TableBlock>().Count();
        return $"{headingCount} styled headings, {tableCount} table(s), {SourceText.Words(document).Count} words matched";
    }

    private static void RequireHeadingStyles(MainDocumentPart mainPart, string outputPath)
    {
        var styleIds = mainPart.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Select(style => style.StyleId?.Value)
            .ToHashSet() ?? [];
        foreach (var required in new[] { DocxStyleSheet.Heading1, DocxStyleSheet.Heading2 })
        {
            if (!styleIds.Contains(required))
            {
                throw new InvalidDataException($"{outputPath}: the styles part does not define the '{required}' style.");
            }
        }
    }

    private static void RequireSameBlock(SourceBlock expected, OpenXmlElement actual, string location)
    {
        switch (expected, actual)
        {
            case (HeadingBlock heading, Paragraph paragraph):
                var expectedStyle = heading.Level == 1 ? DocxStyleSheet.Heading1 : DocxStyleSheet.Heading2;
                var actualStyle = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                RequireEqual(expectedStyle, actualStyle, location, "style");
                RequireEqual(heading.Text, paragraph.InnerText, location, "text");
                break;
            case (ParagraphBlock source, Paragraph paragraph):
                RequireEqual(source.Text, paragraph.InnerText, location, "text");
                break;
            case (TableBlock source, Table table):
                var cells = table.Elements<TableRow>().SelectMany(row => row.Elements<TableCell>()).Select(cell => cell.InnerText);
                RequireEqual(
                    string.Join(" | ", source.Rows.SelectMany(row => row)),
                    string.Join(" | ", cells),
                    location,
                    "table cells");
                break;
            default:
                throw new InvalidDataException($"{location}: expected a {expected.GetType().Name} but found a {actual.LocalName} element.");
        }
    }

    private static void RequireEqual(string? expected, string? actual, string location, string what)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{location}: {what} is '{actual}', expected '{expected}'.");
        }
    }
}
