using RagPlatform.Core.Answers;
using RagPlatform.Web.Components.Chat;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Chat;

public sealed class AnswerMarkdownTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    [Fact]
    public void Markdown_formatting_is_kept()
    {
        var cut = Render("# Heading\n\n**bold**, *emphasis*, `code` and [a link](https://example.org/page).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Equal("Heading", cut.Find("h1").TextContent);
        Assert.Equal("bold", cut.Find("strong").TextContent);
        Assert.Equal("emphasis", cut.Find("em").TextContent);
        Assert.Equal("code", cut.Find("code").TextContent);
        Assert.Equal(2, cut.FindAll("li").Count);
        Assert.Equal(2, cut.FindAll("td").Count);
        var link = cut.Find("a");
        Assert.Equal("https://example.org/page", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("Before <script src=\"https://evil.example/x.js\"></script> after")]
    [InlineData("```html\n<script>alert(1)</script>\n```")]
    public void Script_tags_never_become_elements(string markdown)
    {
        var cut = Render(markdown);

        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("script", cut.Find(".markdown").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    [InlineData("<p onclick=\"alert(1)\">click</p>")]
    [InlineData("<svg onload=alert(1)></svg>")]
    [InlineData("[text](https://example.org/\" onmouseover=\"alert(1))")]
    [InlineData("![image](https://example.org/x.png \"title\" onerror=alert(1))")]
    public void Event_handler_attributes_are_removed(string markdown)
    {
        var cut = Render(markdown);

        var attributes = cut.Find(".markdown").QuerySelectorAll("*").SelectMany(element => element.Attributes).Select(a => a.Name);
        Assert.DoesNotContain(attributes, name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("svg"));
    }

    [Theory]
    [InlineData("[click me](javascript:alert(1))")]
    [InlineData("[click me](JaVaScRiPt:alert(1))")]
    [InlineData("[click me](  javascript:alert(1))")]
    [InlineData("[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click me](vbscript:msgbox(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">click me</a>")]
    [InlineData("[click me][ref]\n\n[ref]: javascript:alert(1)")]
    public void Script_links_lose_their_target(string markdown)
    {
        var cut = Render(markdown);

        Assert.Contains("click me", cut.Find(".markdown").TextContent, StringComparison.Ordinal);
        foreach (var link in cut.FindAll("a"))
        {
            var href = link.GetAttribute("href");
            Assert.True(href is null || href.StartsWith("http", StringComparison.OrdinalIgnoreCase), $"Unsafe href survived: {href}");
        }
    }

    [Fact]
    public void Known_citation_markers_become_buttons_and_others_stay_text()
    {
        var citations = new[] { TestAnswers.Cite(TestAnswers.Chunk("a", "Intro"), 1), TestAnswers.Cite(TestAnswers.Chunk("b", "Usage"), 2) };

        var cut = Render("Attention weighs tokens [1]. Encodings add order [2][1]. Unknown [7]. Code `x[1]`.", citations);

        var chips = cut.FindAll("button.citation-chip");
        Assert.Equal(["1", "2", "1"], chips.Select(chip => chip.TextContent));
        Assert.Equal("Source 1: Title of a", chips[0].GetAttribute("aria-label"));
        Assert.Contains("Unknown [7].", cut.Find(".markdown").TextContent, StringComparison.Ordinal);
        Assert.Equal("x[1]", cut.Find("code").TextContent);
    }

    [Fact]
    public void Clicking_a_citation_reports_that_citation()
    {
        var citations = new[] { TestAnswers.Cite(TestAnswers.Chunk("a", "Intro"), 1), TestAnswers.Cite(TestAnswers.Chunk("b", "Usage"), 2) };
        Citation? selected = null;

        var cut = _context.Render<AnswerMarkdown>(parameters => parameters
            .Add(p => p.Markdown, "First [1], second [2].")
            .Add(p => p.Citations, citations)
            .Add(p => p.OnCitationSelected, (Citation citation) => selected = citation));
        cut.FindAll("button.citation-chip")[1].Click();

        Assert.Same(citations[1], selected);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<AnswerMarkdown> Render(string markdown, IReadOnlyList<Citation>? citations = null) =>
        _context.Render<AnswerMarkdown>(parameters => parameters
            .Add(p => p.Markdown, markdown)
            .Add(p => p.Citations, citations ?? []));
}
