using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace RagPlatform.Onnx.Tests;

/// <summary>An in-memory Hugging Face hub: the model listing API and resolve downloads with Range support.</summary>
internal sealed class FakeHub : HttpMessageHandler
{
    public const string Repo = "org/model";

    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _listedSha = new(StringComparer.Ordinal);

    public List<HttpRequestMessage> Requests { get; } = [];

    /// <summary>When false the hub ignores Range headers and always sends the whole file.</summary>
    public bool HonoursRange { get; set; } = true;

    /// <summary>Sent as X-Linked-Etag on downloads when set, as the real hub does for LFS files.</summary>
    public string? LinkedEtag { get; set; }

    public FakeHub Add(string path, byte[] content, bool lfs = false, string? listedSha = null)
    {
        _files[path] = content;
        if (lfs)
        {
            _listedSha[path] = listedSha ?? Convert.ToHexStringLower(SHA256.HashData(content));
        }

        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var path = request.RequestUri!.AbsolutePath;
        const string listing = "/api/models/" + Repo + "/revision/main";
        const string resolve = "/" + Repo + "/resolve/main/";
        if (path == listing)
        {
            return Task.FromResult(Listing());
        }

        if (path.StartsWith(resolve, StringComparison.Ordinal) && _files.TryGetValue(Uri.UnescapeDataString(path[resolve.Length..]), out var content))
        {
            return Task.FromResult(Download(request, content));
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private HttpResponseMessage Listing()
    {
        var siblings = _files.Select(pair => _listedSha.TryGetValue(pair.Key, out var sha)
            ? (object)new { rfilename = pair.Key, size = pair.Value.Length, lfs = new { sha256 = sha, size = pair.Value.Length, pointerSize = 134 } }
            : new { rfilename = pair.Key, size = pair.Value.Length });
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { id = Repo, sha = "abc", siblings })),
        };
    }

    private HttpResponseMessage Download(HttpRequestMessage request, byte[] content)
    {
        var from = HonoursRange && request.Headers.Range?.Ranges.FirstOrDefault()?.From is { } start ? start : 0;
        if (from >= content.Length && from > 0)
        {
            return new HttpResponseMessage(HttpStatusCode.RequestedRangeNotSatisfiable);
        }

        var response = new HttpResponseMessage(from > 0 ? HttpStatusCode.PartialContent : HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(content, (int)from, content.Length - (int)from),
        };
        if (from > 0)
        {
            response.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, content.Length - 1, content.Length);
        }

        if (LinkedEtag is not null)
        {
            response.Headers.TryAddWithoutValidation("X-Linked-Etag", $"\"{LinkedEtag}\"");
        }

        return response;
    }
}
