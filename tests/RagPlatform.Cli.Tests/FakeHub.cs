using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace RagPlatform.Cli.Tests;

/// <summary>
/// A Hugging Face hub on a loopback port serving one repository: the file list
/// (GET /api/models/{repo}/revision/{rev}) and the files (GET /{repo}/resolve/{rev}/{path}).
/// </summary>
internal sealed class FakeHub : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string repoId;
    private readonly string revision;
    private readonly IReadOnlyDictionary<string, byte[]> files;
    private readonly Task serving;

    public FakeHub(string repoId, string revision, IReadOnlyDictionary<string, byte[]> files)
    {
        this.repoId = repoId;
        this.revision = revision;
        this.files = files;
        Endpoint = $"http://127.0.0.1:{FreePort()}/";
        listener.Prefixes.Add(Endpoint);
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>The Authorization header of every request, in arrival order.</summary>
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public ConcurrentQueue<string> RequestedPaths { get; } = new();

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            RequestedPaths.Enqueue(path);
            Authorizations.Enqueue(context.Request.Headers["Authorization"]);
            var body = Answer(path);
            response.StatusCode = body is null ? 404 : 200;
            body ??= "{\"error\":\"Repository not found\"}"u8.ToArray();
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
        }
    }

    private byte[]? Answer(string path)
    {
        if (path == $"/api/models/{repoId}/revision/{revision}")
        {
            var siblings = files.Select(file => new
            {
                rfilename = file.Key,
                size = file.Value.Length,
                lfs = new { sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Value)), size = file.Value.Length },
            });
            return JsonSerializer.SerializeToUtf8Bytes(new { id = repoId, sha = "0123456789abcdef", siblings });
        }

        var prefix = $"/{repoId}/resolve/{revision}/";
        return path.StartsWith(prefix, StringComparison.Ordinal) && files.TryGetValue(path[prefix.Length..], out var content) ? content : null;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
