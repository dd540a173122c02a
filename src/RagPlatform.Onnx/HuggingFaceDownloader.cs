using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RagPlatform.Onnx;

/// <summary>
/// Downloads files of a Hugging Face model repository into a folder (ragp models pull). Interrupted downloads resume
/// from their .partial file; content is checked against the SHA-256 the hub publishes for LFS files.
/// </summary>
public sealed partial class HuggingFaceDownloader
{
    private const string PartialSuffix = ".partial";
    private const int BufferSize = 1 << 16;
    private const long ProgressStep = 1 << 20;

    private readonly HttpClient _http;
    private readonly HuggingFaceOptions _options;
    private readonly ILogger _logger;

    public HuggingFaceDownloader(HttpClient httpClient, HuggingFaceOptions? options = null, ILogger<HuggingFaceDownloader>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        _options = options ?? new HuggingFaceOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Lists the repository's files at <paramref name="revision"/> (GET /api/models/{repo}/revision/{revision}).</summary>
    public async Task<IReadOnlyList<HubFile>> ListFilesAsync(string repoId, string revision = "main", CancellationToken cancellationToken = default)
    {
        ValidateRepoId(repoId);
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        using var request = CreateRequest($"api/models/{repoId}/revision/{Uri.EscapeDataString(revision)}?blobs=true");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, repoId, revision, "list the files of");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("siblings", out var siblings) || siblings.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{repoId}@{revision}: the hub's answer has no 'siblings' file list.");
        }

        return siblings.EnumerateArray().Select(ReadSibling).ToArray();
    }

    /// <summary>
    /// Downloads the files matching <paramref name="include"/> (globs such as "*.json", "onnx/**"; all files when
    /// empty) into <paramref name="targetDirectory"/>, keeping the repository's sub-folders.
    /// </summary>
    /// <returns>The local paths of the matched files.</returns>
    public async Task<IReadOnlyList<string>> DownloadAsync(
        string repoId,
        string targetDirectory,
        IReadOnlyCollection<string>? include = null,
        string revision = "main",
        IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        var files = await ListFilesAsync(repoId, revision, cancellationToken).ConfigureAwait(false);
        var selected = Select(files, include);
        if (selected.Count == 0)
        {
            throw new InvalidOperationException(
                $"{repoId}@{revision}: no file matches {string.Join(", ", include ?? [])}; the repository has {string.Join(", ", files.Select(f => f.Path))}.");
        }

        var root = Path.GetFullPath(targetDirectory);
        var paths = new List<string>(selected.Count);
        foreach (var file in selected)
        {
            paths.Add(await DownloadFileAsync(repoId, revision, file, root, progress, cancellationToken).ConfigureAwait(false));
        }

        return paths;
    }

    private static List<HubFile> Select(IReadOnlyList<HubFile> files, IReadOnlyCollection<string>? include)
    {
        if (include is null || include.Count == 0)
        {
            return [.. files];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(include);
        var matched = matcher.Match(files.Select(file => file.Path)).Files.Select(match => match.Path).ToHashSet(StringComparer.Ordinal);
        return files.Where(file => matched.Contains(file.Path)).ToList();
    }

    private async Task<string> DownloadFileAsync(
        string repoId, string revision, HubFile file, string root, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var target = LocalPath(root, file.Path);
        if (File.Exists(target) && file.Size is { } size && new FileInfo(target).Length == size
            && (file.Sha256 is null || await Sha256Async(target, cancellationToken).ConfigureAwait(false) == file.Sha256))
        {
            progress?.Report(new DownloadProgress(file.Path, size, size));
            return target;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + PartialSuffix;
        var offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (offset > 0)
        {
            OnnxLog.Resuming(_logger, file.Path, offset);
        }
        else
        {
            OnnxLog.Downloading(_logger, file.Path, repoId, revision);
        }

        using var request = CreateRequest($"{repoId}/resolve/{Uri.EscapeDataString(revision)}/{EscapePath(file.Path)}");
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var expectedSha = file.Sha256 ?? HeaderSha256(response);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0)
        {
            // The partial file already holds every byte; only the checksum and the rename remain.
            return await CompleteAsync(file, partial, target, expectedSha, cancellationToken).ConfigureAwait(false);
        }

        EnsureSuccess(response, repoId, revision, $"download {file.Path} from");
        var resumed = offset > 0 && response.StatusCode == HttpStatusCode.PartialContent;
        if (!resumed)
        {
            offset = 0;
        }

        var total = file.Size ?? response.Content.Headers.ContentRange?.Length ?? (response.Content.Headers.ContentLength + offset);
        await using (var destination = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            var buffer = new byte[BufferSize];
            var received = offset;
            var reported = offset;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                received += read;
                if (received - reported >= ProgressStep)
                {
                    reported = received;
                    progress?.Report(new DownloadProgress(file.Path, received, total));
                }
            }

            progress?.Report(new DownloadProgress(file.Path, received, total));
        }

        return await CompleteAsync(file, partial, target, expectedSha, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> CompleteAsync(HubFile file, string partial, string target, string? expectedSha, CancellationToken cancellationToken)
    {
        if (file.Size is { } size && new FileInfo(partial).Length != size)
        {
            var length = new FileInfo(partial).Length;
            File.Delete(partial);
            throw new InvalidDataException($"{file.Path}: received {length} bytes but the hub lists {size}; the partial download was deleted — run the pull again.");
        }

        if (expectedSha is not null)
        {
            var actual = await Sha256Async(partial, cancellationToken).ConfigureAwait(false);
            if (actual != expectedSha)
            {
                File.Delete(partial);
                throw new InvalidDataException(
                    $"{file.Path}: SHA-256 mismatch (expected {expectedSha}, got {actual}); the corrupt download was deleted — run the pull again.");
            }
        }

        File.Move(partial, target, overwrite: true);
        return target;
    }

    private HttpRequestMessage CreateRequest(string relativeUrl)
    {
        var baseAddress = _options.BaseAddress.AbsoluteUri.EndsWith('/') ? _options.BaseAddress : new Uri(_options.BaseAddress.AbsoluteUri + "/");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, relativeUrl));
        if (!string.IsNullOrEmpty(_options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        }

        return request;
    }

    private static void EnsureSuccess(HttpResponseMessage response, string repoId, string revision, string action)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var reason = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                "the repository is gated or private: accept its terms on the hub and set HuggingFaceOptions.Token to an access token",
            HttpStatusCode.NotFound => "the repository, revision or file does not exist; check the repo id (owner/name) and the revision",
            _ => $"the hub answered {(int)response.StatusCode} {response.ReasonPhrase}",
        };
        throw new HttpRequestException($"Cannot {action} {repoId}@{revision}: {reason}.", inner: null, response.StatusCode);
    }

    private static HubFile ReadSibling(JsonElement sibling)
    {
        var path = sibling.TryGetProperty("rfilename", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()!
            : throw new InvalidDataException("The hub's file list has an entry without 'rfilename'.");
        long? size = sibling.TryGetProperty("size", out var sizeValue) && sizeValue.ValueKind == JsonValueKind.Number ? sizeValue.GetInt64() : null;
        string? sha = null;
        if (sibling.TryGetProperty("lfs", out var lfs) && lfs.ValueKind == JsonValueKind.Object)
        {
            sha = lfs.TryGetProperty("sha256", out var shaValue) && shaValue.ValueKind == JsonValueKind.String ? shaValue.GetString()!.ToLowerInvariant() : null;
            size = lfs.TryGetProperty("size", out var lfsSize) && lfsSize.ValueKind == JsonValueKind.Number ? lfsSize.GetInt64() : size;
        }

        return new HubFile(path, size, sha);
    }

    /// <summary>The hub sends an LFS file's SHA-256 as X-Linked-Etag (and its CDN as ETag); git blob ids are SHA-1 and ignored.</summary>
    private static string? HeaderSha256(HttpResponseMessage response)
    {
        foreach (var header in new[] { "X-Linked-Etag", "ETag" })
        {
            if (response.Headers.TryGetValues(header, out var values)
                && values.Select(value => value.Replace("W/", "", StringComparison.Ordinal).Trim('"')).FirstOrDefault(value => Sha256Hex().IsMatch(value)) is { } sha)
            {
                return sha.ToLowerInvariant();
            }
        }

        return null;
    }

    private static string LocalPath(string root, string repositoryPath)
    {
        var segments = repositoryPath.Split('/');
        if (segments.Any(segment => segment is "" or "." or ".."))
        {
            throw new InvalidDataException($"Refusing to write '{repositoryPath}': repository paths must not contain empty, '.' or '..' segments.");
        }

        return Path.Combine([root, .. segments]);
    }

    private static string EscapePath(string repositoryPath) => string.Join('/', repositoryPath.Split('/').Select(Uri.EscapeDataString));

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private static void ValidateRepoId(string repoId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repoId);
        if (!RepoId().IsMatch(repoId))
        {
            throw new ArgumentException($"'{repoId}' is not a Hugging Face repo id; write it as owner/name, e.g. sentence-transformers/all-MiniLM-L6-v2.", nameof(repoId));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex RepoId();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
