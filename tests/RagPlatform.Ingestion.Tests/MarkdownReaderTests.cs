using System.Text;

namespace RagPlatform.Ingestion.Tests;

public sealed class MarkdownReaderTests
{
    private readonly MarkdownReader _reader = new();

    [Fact]
    public async Task HeadingsBecomeHeadingPathsAndFrontMatterIsDropped()
    {
        const string markdown = """
            ---
            title: Secret front matter
            tags: [rag]
            ---
            # Panduan RAG

            Intro with a [linked word](https://example.com/x) and `inline code`.

            ## Setup

            - First *item*
            - Second item

            ```bash
            dotnet build

            dotnet test
            ```

            ### Details

            | Name | Value |
            |------|-------|
            | k    | 5     |

            ## Usage

            > Quoted advice.
            """;

        var document = await _reader.ReadBytesAsync(Encoding.UTF8.GetBytes(markdown), "docs/guide.md");

        Assert.Equal("Panduan RAG", document.Title);
        Assert.Equal(
            [
                ("Intro with a linked word and inline code.", "Panduan RAG"),
                ("First item", "Panduan RAG > Setup"),
                ("Second item", "Panduan RAG > Setup"),
                ("dotnet build\n\ndotnet test", "Panduan RAG > Setup"),
                ("Name | Value", "Panduan RAG > Setup > Details"),
                ("k | 5", "Panduan RAG > Setup > Details"),
                ("Quoted advice.", "Panduan RAG > Usage"),
            ],
            document.Blocks.Select(block => (block.Text, block.HeadingPath)));
        var text = DocumentContent.Create(document).Text;
        Assert.DoesNotContain("Secret front matter", text);
        Assert.DoesNotContain("## Setup", text);
        Assert.DoesNotContain("https://example.com", text);
    }

    [Fact]
    public async Task TitleFallsBackToFileNameWithoutTopLevelHeading()
    {
        var document = await _reader.ReadBytesAsync("## Only a subheading\n\nBody."u8.ToArray(), "docs/notes.markdown");

        Assert.Equal("notes", document.Title);
        Assert.Equal("Only a subheading", Assert.Single(document.Blocks).HeadingPath);
    }

    [Fact]
    public async Task RawHtmlBlocksKeepVisibleTextOnly()
    {
        var document = await _reader.ReadBytesAsync("<div>Visible <b>text</b><script>alert('x')</script></div>\n"u8.ToArray(), "a.md");

        Assert.Equal("Visible text", Assert.Single(document.Texts()));
    }
}
