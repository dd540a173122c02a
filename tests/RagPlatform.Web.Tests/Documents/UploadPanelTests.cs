using RagPlatform.Core.Storage;
using RagPlatform.Web.Components.Documents;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Documents;

public sealed class UploadPanelTests : IAsyncDisposable
{
    private readonly WebTestContext _web = new(new Dictionary<string, string?> { ["Ingestion:MaxFileBytes"] = "4096" });

    [Fact]
    public void The_form_states_the_accepted_formats_and_size_limit()
    {
        var cut = _web.Bunit.Render<UploadPanel>();

        var input = cut.Find("input[type=file]");
        Assert.Equal(".docx,.htm,.html,.markdown,.md,.pdf,.text,.txt", input.GetAttribute("accept"));
        Assert.True(input.HasAttribute("multiple"));
        Assert.Contains("up to 4 KB each", cut.Find("label[for='upload-files']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_files_are_indexed_and_invalid_ones_are_reported_without_being_saved()
    {
        var ingested = 0;
        var cut = _web.Bunit.Render<UploadPanel>(parameters => parameters.Add(p => p.OnIngested, () => ingested++));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromText("# Photosynthesis\n\nPlants turn light into chemical energy in their leaves.", "../../biology notes.md"),
            InputFileContent.CreateFromText("MZ binary", "tool.exe"),
            InputFileContent.CreateFromBinary(new byte[5000], "huge.pdf"));

        cut.WaitForAssertion(() => Assert.Equal(1, ingested));
        var items = cut.FindAll(".upload-item");
        Assert.Equal(["biology notes.md", "tool.exe", "huge.pdf"], items.Select(i => i.QuerySelector(".file-name")!.TextContent));
        Assert.Contains("indexed", items[0].ClassList);
        Assert.StartsWith("Indexed: 1 passage.", items[0].QuerySelector(".stage-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("rejected", items[1].ClassList);
        Assert.Contains("is a .exe file", items[1].QuerySelector(".stage-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("the limit is 4 KB", items[2].QuerySelector(".stage-message")!.TextContent, StringComparison.Ordinal);

        var document = Assert.Single(await _web.Get<IChunkStore>().ListDocumentsAsync());
        Assert.Equal(Path.Combine(_web.StorePath, "uploads"), Path.GetDirectoryName(Path.GetFullPath(document.SourcePath)));
        Assert.Single(Directory.GetFiles(Path.Combine(_web.StorePath, "uploads")));
    }

    [Fact]
    public void A_file_ingestion_cannot_read_is_reported_per_file()
    {
        var cut = _web.Bunit.Render<UploadPanel>();

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromText("not really a pdf", "broken.pdf"));

        cut.WaitForAssertion(() => Assert.Contains("failed", cut.Find(".upload-item").ClassList));
        Assert.False(string.IsNullOrWhiteSpace(cut.Find(".upload-item .stage-message").TextContent));
        Assert.Equal("alert", cut.Find(".upload-item .stage-message").GetAttribute("role"));
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();
}
