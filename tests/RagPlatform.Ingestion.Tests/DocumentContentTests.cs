namespace RagPlatform.Ingestion.Tests;

public sealed class DocumentContentTests
{
    [Fact]
    public void JoinsNormalisedBlocksAndMergesSectionsWithTheSameHeadingAndPage()
    {
        var extracted = new ExtractedDocument(
            "  Judul\n Dokumen ",
            [
                new DocumentBlock("First  paragraph.", "A", 1),
                new DocumentBlock("   ", "A", 1),
                new DocumentBlock("Second\n\n\nparagraph.", "A", 1),
                new DocumentBlock("Third.", "A", 2),
                new DocumentBlock("Fourth.", "A > B", 2),
            ]);

        var content = DocumentContent.Create(extracted);

        Assert.Equal("Judul Dokumen", content.Title);
        Assert.Equal("First paragraph.\n\nSecond\nparagraph.\n\nThird.\n\nFourth.", content.Text);
        Assert.Equal(
            [new ContentSection(0, 35, "A", 1), new ContentSection(37, 43, "A", 2), new ContentSection(45, 52, "A > B", 2)],
            content.Sections);
        Assert.Equal("First paragraph.\n\nSecond\nparagraph.", content.Text[0..35]);
    }

    [Fact]
    public void DocumentWithOnlyEmptyBlocksHasNoTextAndNoSections()
    {
        var content = DocumentContent.Create(new ExtractedDocument("t", [new DocumentBlock(" \n\t", string.Empty, null)]));

        Assert.Equal(string.Empty, content.Text);
        Assert.Empty(content.Sections);
    }
}
