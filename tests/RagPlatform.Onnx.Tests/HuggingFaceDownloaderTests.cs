using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace RagPlatform.Onnx.Tests;

public sealed class HuggingFaceDownloaderTests : IDisposable
{
    private static readonly byte[] Weights = RandomNumberGenerator.GetBytes(300_000);
    private readonly TempDirectory _target = new();
    private readonly FakeHub _hub = new();

    public void Dispose()
    {
        _hub.Dispose();
        _target.Dispose();
    }

    [Fact]
    public async Task Lists_files_with_sizes_and_lfs_checksums()
    {
        _hub.Add("config.json", "{}"u8.ToArray()).Add("onnx/model.onnx", Weights, lfs: true);

        var files = await Downloader().ListFilesAsync(FakeHub.Repo);

        Assert.Equal(
            [new HubFile("config.json", 2, null), new HubFile("onnx/model.onnx", Weights.Length, Convert.ToHexStringLower(SHA256.HashData(Weights)))],
            files.OrderBy(f => f.Path));
        Assert.Contains("blobs=true", _hub.Requests[0].RequestUri!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_matching_files_into_sub_folders_and_reports_progress()
    {
        _hub.Add("config.json", "{\"a\":1}"u8.ToArray()).Add("onnx/model.onnx", Weights, lfs: true).Add("pytorch_model.bin", [1, 2, 3]);
        var reports = new List<DownloadProgress>();

        var paths = await Downloader().DownloadAsync(FakeHub.Repo, _target.Path, ["*.json", "onnx/*.onnx"], progress: new SynchronousProgress(reports));

        Assert.Equal([_target.File("config.json"), Path.Combine(_target.Path, "onnx", "model.onnx")], paths.Order());
        Assert.Equal(Weights, File.ReadAllBytes(Path.Combine(_target.Path, "onnx", "model.onnx")));
        Assert.False(File.Exists(_target.File("pytorch_model.bin")));
        Assert.Contains(new DownloadProgress("onnx/model.onnx", Weights.Length, Weights.Length), reports);
        Assert.Empty(Directory.GetFiles(_target.Path, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Resumes_from_a_partial_file_with_a_range_request()
    {
        _hub.Add("model.onnx", Weights, lfs: true);
        File.WriteAllBytes(_target.File("model.onnx.partial"), Weights[..100_000]);

        await Downloader().DownloadAsync(FakeHub.Repo, _target.Path);

        var download = _hub.Requests.Single(r => r.RequestUri!.AbsolutePath.Contains("/resolve/", StringComparison.Ordinal));
        Assert.Equal(100_000, download.Headers.Range!.Ranges.Single().From);
        Assert.Equal(Weights, File.ReadAllBytes(_target.File("model.onnx")));
        Assert.False(File.Exists(_target.File("model.onnx.partial")));
    }

    [Fact]
    public async Task Starts_over_when_the_server_ignores_the_range()
    {
        _hub.HonoursRange = false;
        _hub.Add("model.onnx", Weights, lfs: true);
        File.WriteAllBytes(_target.File("model.onnx.partial"), Weights[..5000]);

        await Downloader().DownloadAsync(FakeHub.Repo, _target.Path);

        Assert.Equal(Weights, File.ReadAllBytes(_target.File("model.onnx")));
    }

    [Fact]
    public async Task Checksum_mismatch_deletes_the_download_and_names_both_hashes()
    {
        var wrong = new string('0', 64);
        _hub.Add("model.onnx", Weights, lfs: true, listedSha: wrong);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Downloader().DownloadAsync(FakeHub.Repo, _target.Path));

        Assert.Contains("model.onnx: SHA-256 mismatch", error.Message, StringComparison.Ordinal);
        Assert.Contains(wrong, error.Message, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Weights)), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_target.File("model.onnx")));
        Assert.False(File.Exists(_target.File("model.onnx.partial")));
    }

    [Fact]
    public async Task Checks_the_linked_etag_when_the_listing_has_no_checksum()
    {
        _hub.LinkedEtag = new string('a', 64);
        _hub.Add("model.onnx", Weights);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Downloader().DownloadAsync(FakeHub.Repo, _target.Path));

        Assert.Contains("SHA-256 mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skips_files_that_are_already_complete()
    {
        _hub.Add("model.onnx", Weights, lfs: true);
        File.WriteAllBytes(_target.File("model.onnx"), Weights);

        await Downloader().DownloadAsync(FakeHub.Repo, _target.Path);

        Assert.DoesNotContain(_hub.Requests, r => r.RequestUri!.AbsolutePath.Contains("/resolve/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sends_the_token_as_a_bearer_header_to_the_configured_base_address()
    {
        var options = new HuggingFaceOptions { BaseAddress = new Uri("http://127.0.0.1:9/mirror"), Token = "hf_secret" };

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            new HuggingFaceDownloader(new HttpClient(_hub, disposeHandler: false), options).ListFilesAsync(FakeHub.Repo));

        var request = _hub.Requests.Single();
        Assert.Equal("Bearer hf_secret", request.Headers.Authorization!.ToString());
        Assert.Equal("http://127.0.0.1:9/mirror/api/models/org/model/revision/main?blobs=true", request.RequestUri!.ToString());
    }

    [Fact]
    public async Task Globs_matching_nothing_name_the_files_there_are()
    {
        _hub.Add("config.json", "{}"u8.ToArray());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Downloader().DownloadAsync(FakeHub.Repo, _target.Path, ["*.bin"]));

        Assert.Contains("no file matches *.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_repository_gives_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Downloader().ListFilesAsync("org/missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("org/missing@main", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-slash")]
    [InlineData("a/b/c")]
    [InlineData("../etc")]
    public async Task Rejects_malformed_repo_ids(string repoId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Downloader().ListFilesAsync(repoId));
        Assert.Empty(_hub.Requests);
    }

    private HuggingFaceDownloader Downloader() =>
        new(new HttpClient(_hub, disposeHandler: false), new HuggingFaceOptions { BaseAddress = new Uri("http://hub.test") });

    /// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them asynchronously).</summary>
    private sealed class SynchronousProgress(List<DownloadProgress> reports) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => reports.Add(value);
    }
}
