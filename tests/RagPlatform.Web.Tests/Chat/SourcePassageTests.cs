using RagPlatform.Core.Storage;
using RagPlatform.Web.Components.Chat;
using RagPlatform.Web.Documents;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Chat;

public sealed class SourcePassageTests : IAsyncDisposable
{
    private readonly WebTestContext _web = new();

    [Fact]
    public async Task Shows_the_quote_highlighted_inside_its_surrounding_text()
    {
        var chunk = await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), "/corpus/attention.md");

        var cut = _web.Bunit.Render<SourcePassage>(parameters => parameters.Add(p => p.Citation, TestAnswers.CiteQuote(chunk)));

        cut.WaitForAssertion(() => Assert.Equal(TestAnswers.Quote, cut.Find("mark").TextContent));
        var passage = cut.Find(".passage-text").TextContent;
        Assert.Contains("Transformers replaced recurrence. ", passage, StringComparison.Ordinal);
        Assert.Contains(" Positional encodings add order information.", passage, StringComparison.Ordinal);
        Assert.Equal("Source 1: Transformer notes", cut.Find("h2").TextContent);
        Assert.Equal("attention.md", cut.Find(".file-label").TextContent);
        Assert.Contains("Architecture > Attention", cut.Find(".passage-meta").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".page"));
    }

    [Fact]
    public async Task Pdf_passages_name_their_page()
    {
        var chunk = await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), "/corpus/slides.pdf", heading: "", page: 4);

        var cut = _web.Bunit.Render<SourcePassage>(parameters => parameters.Add(p => p.Citation, TestAnswers.CiteQuote(chunk)));

        cut.WaitForAssertion(() => Assert.Equal("· page 4", cut.Find(".page").TextContent.Trim()));
    }

    [Fact]
    public async Task Uploaded_documents_show_their_original_name()
    {
        var uploads = _web.Get<UploadStore>();
        var check = new UploadPolicy(1000, [".md"]).Check("My Notes.md", 10);
        var saved = await uploads.SaveAsync(check, new MemoryStream("# Notes\n\ntext"u8.ToArray()), 1000, CancellationToken.None);
        var chunk = await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), saved.Replace('\\', '/'));

        var cut = _web.Bunit.Render<SourcePassage>(parameters => parameters.Add(p => p.Citation, TestAnswers.CiteQuote(chunk)));

        cut.WaitForAssertion(() => Assert.Equal("My Notes.md", cut.Find(".file-label").TextContent));
    }

    [Fact]
    public void A_removed_document_still_shows_the_quote()
    {
        var citation = TestAnswers.Cite(TestAnswers.Chunk("gone", "Intro"), 2);

        var cut = _web.Bunit.Render<SourcePassage>(parameters => parameters.Add(p => p.Citation, citation));

        cut.WaitForAssertion(() => Assert.Contains("no longer in the index", cut.Find(".passage-missing").TextContent, StringComparison.Ordinal));
        Assert.Equal(TestAnswers.Quote, cut.Find("mark").TextContent);
    }

    [Fact]
    public async Task Close_button_and_escape_close_the_panel()
    {
        var chunk = await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), "/corpus/attention.md");
        var closed = 0;
        var cut = _web.Bunit.Render<SourcePassage>(parameters => parameters
            .Add(p => p.Citation, TestAnswers.CiteQuote(chunk))
            .Add(p => p.OnClose, () => closed++));

        cut.Find("button[aria-label='Close source']").Click();
        cut.Find("aside").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        cut.Find("aside").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "a" });

        Assert.Equal(2, closed);
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();
}
