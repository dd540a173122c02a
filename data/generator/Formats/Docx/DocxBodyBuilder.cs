using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using RagPlatform.SampleCorpus.Sources;

namespace RagPlatform.SampleCorpus.Formats.Docx;

/// <summary>Turns source blocks into WordprocessingML: styled heading paragraphs, plain paragraphs and tables.</summary>
internal static class DocxBodyBuilder
{
    // A4 in twentieths of a point, with 2.5 cm margins.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1418;

    public static Body Build(IEnumerable<SourceBlock> blocks)
    {
        var body = new Body();
        foreach (var block in blocks)
        {
            body.Append(block switch
            {
                HeadingBlock heading => Paragraph(heading.Text, heading.Level == 1 ? DocxStyleSheet.Heading1 : DocxStyleSheet.Heading2),
                ParagraphBlock paragraph => Paragraph(paragraph.Text, styleId: null),
                TableBlock table => Table(table),
                _ => throw new ArgumentOutOfRangeException(nameof(blocks), block.GetType().Name, "Unknown source block type."),
            });
        }

        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin }));
        return body;
    }

    private static Paragraph Paragraph(string text, string? styleId, bool bold = false)
    {
        var paragraph = new Paragraph();
        if (styleId is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(TableBlock source)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = DocxStyleSheet.TableGrid },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));

        var columnCount = source.Rows[0].Count;
        var columnWidth = (PageWidth - (2 * Margin)) / columnCount;
        table.Append(new TableGrid(Enumerable.Range(0, columnCount)
            .Select(_ => new GridColumn { Width = columnWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        for (var rowIndex = 0; rowIndex < source.Rows.Count; rowIndex++)
        {
            var isHeader = rowIndex == 0;
            var row = new TableRow();
            if (isHeader)
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            row.Append(source.Rows[rowIndex].Select(cell => new TableCell(Paragraph(cell, styleId: null, bold: isHeader))));
            table.Append(row);
        }

        return table;
    }
}
