using DocumentFormat.OpenXml.Wordprocessing;

namespace RagPlatform.SampleCorpus.Formats.Docx;

/// <summary>
/// The styles part: Normal, Word's built-in "heading 1" and "heading 2" (style ids Heading1 and Heading2, with
/// outline levels so that Word's navigation pane and text extractors recognise them) and a bordered table style.
/// </summary>
internal static class DocxStyleSheet
{
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string TableGrid = "TableGrid";

    private const string NormalStyle = "Normal";

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = NormalStyle }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = NormalStyle,
            Default = true,
        },
        HeadingStyle(Heading1, "heading 1", outlineLevel: 0, halfPointSize: "32", spaceBefore: "360"),
        HeadingStyle(Heading2, "heading 2", outlineLevel: 1, halfPointSize: "26", spaceBefore: "240"),
        new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
        {
            Type = StyleValues.Table,
            StyleId = TableGrid,
        });

    private static Style HeadingStyle(string styleId, string name, int outlineLevel, string halfPointSize, string spaceBefore) => new(
        new StyleName { Val = name },
        new BasedOn { Val = NormalStyle },
        new NextParagraphStyle { Val = NormalStyle },
        new UIPriority { Val = 9 },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new SpacingBetweenLines { Before = spaceBefore, After = "120" },
            new OutlineLevel { Val = outlineLevel }),
        new StyleRunProperties(
            new Bold(),
            new Color { Val = "1F3864" },
            new FontSize { Val = halfPointSize }))
    {
        Type = StyleValues.Paragraph,
        StyleId = styleId,
    };
}
