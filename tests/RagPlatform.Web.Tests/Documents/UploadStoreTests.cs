using RagPlatform.Web.Documents;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Documents;

public sealed class UploadStoreTests : IAsyncDisposable
{
    private static readonly UploadPolicy Policy = new(64, [".md", ".txt"]);

    private readonly WebTestContext _web = new();

    private UploadStore Uploads => _web.Get<UploadStore>();

    private string UploadsDirectory => Path.Combine(_web.StorePath, "uploads");

    [Fact]
    public async Task Files_are_saved_under_server_generated_names_inside_the_uploads_folder()
    {
        var path = await SaveAsync("../../outside/evil name.md", "# Hello");

        Assert.Equal(UploadsDirectory, Path.GetDirectoryName(path));
        Assert.Matches("^[0-9a-f]{32}\\.md$", Path.GetFileName(path));
        Assert.Equal("# Hello", await File.ReadAllTextAsync(path));
        Assert.False(Directory.Exists(Path.Combine(_web.Root, "outside")));
        Assert.Equal("evil name.md", UploadStore.Label(path, await Uploads.GetDisplayNamesAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Uploading_the_same_name_again_replaces_the_earlier_file()
    {
        var first = await SaveAsync("notes.md", "first");
        var second = await SaveAsync("NOTES.md", "second");
        var other = await SaveAsync("other.md", "other");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal("second", await File.ReadAllTextAsync(first));
        Assert.Equal(2, Directory.GetFiles(UploadsDirectory).Length);
    }

    [Fact]
    public async Task Content_beyond_the_limit_is_refused_and_nothing_is_kept()
    {
        var check = Policy.Check("big.txt", 10);

        var error = await Assert.ThrowsAsync<IOException>(() =>
            Uploads.SaveAsync(check, new MemoryStream(new byte[65]), Policy.MaxFileBytes, CancellationToken.None));

        Assert.Contains("'big.txt' is larger than the limit of 64 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(UploadsDirectory));
        Assert.Empty(await Uploads.GetDisplayNamesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Rejected_files_cannot_be_saved()
    {
        var check = Policy.Check("tool.exe", 10);

        await Assert.ThrowsAsync<ArgumentException>(() => Uploads.SaveAsync(check, new MemoryStream([1]), 64, CancellationToken.None));
    }

    [Fact]
    public async Task Forgetting_an_upload_deletes_the_file_and_its_label_but_never_other_files()
    {
        var path = await SaveAsync("notes.md", "text");
        var outside = Path.Combine(_web.Root, "keep.md");
        await File.WriteAllTextAsync(outside, "keep");

        await Uploads.ForgetAsync(path.Replace('\\', '/'), CancellationToken.None);
        await Uploads.ForgetAsync(outside, CancellationToken.None);

        Assert.False(File.Exists(path));
        Assert.True(File.Exists(outside));
        Assert.Empty(await Uploads.GetDisplayNamesAsync(CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private Task<string> SaveAsync(string clientName, string content) =>
        Uploads.SaveAsync(Policy.Check(clientName, content.Length), new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), Policy.MaxFileBytes, CancellationToken.None);
}
