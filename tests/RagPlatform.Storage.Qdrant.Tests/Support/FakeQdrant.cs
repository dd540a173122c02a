using System.Net;
using System.Text;

namespace RagPlatform.Storage.Qdrant.Tests.Support;

/// <summary>One request the store sent, as Qdrant would have received it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string? Body, string? ApiKey)
{
    public override string ToString() => $"{Method} {PathAndQuery}";
}

/// <summary>A canned answer; built by <see cref="QdrantReplies"/>.</summary>
internal sealed record CannedReply(HttpStatusCode Status, string Body, string MediaType = "application/json");

/// <summary>
/// An HttpMessageHandler standing in for a Qdrant server: it records every request and answers from replies queued
/// per method and path (the last reply of a queue repeats). An unexpected request fails the test.
/// </summary>
internal sealed class FakeQdrant : HttpMessageHandler
{
    private readonly Dictionary<(HttpMethod, string), Queue<Func<CannedReply>>> _routes = [];
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public FakeQdrant On(HttpMethod method, string pathAndQuery, params CannedReply[] replies)
    {
        Queue(method, pathAndQuery).EnqueueRange(replies.Select(reply => (Func<CannedReply>)(() => reply)));
        return this;
    }

    /// <summary>The request to <paramref name="pathAndQuery"/> fails in transport, before any HTTP answer.</summary>
    public FakeQdrant Fail(HttpMethod method, string pathAndQuery, Exception exception)
    {
        Queue(method, pathAndQuery).Enqueue(() => throw exception);
        return this;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(HttpMethod method, string pathAndQuery) =>
        Requests.Where(request => request.Method == method && request.PathAndQuery == pathAndQuery).ToList();

    /// <summary>The body of the only request to <paramref name="pathAndQuery"/>.</summary>
    public string BodyOf(HttpMethod method, string pathAndQuery)
    {
        var request = Assert.Single(RequestsTo(method, pathAndQuery));
        return request.Body ?? throw new InvalidOperationException($"{request} had no body.");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var apiKey = request.Headers.TryGetValues("api-key", out var values) ? string.Join(",", values) : null;
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.Method, pathAndQuery, body, apiKey));
        }

        Func<CannedReply> next;
        lock (_routes)
        {
            if (!_routes.TryGetValue((request.Method, pathAndQuery), out var queue) || queue.Count == 0)
            {
                throw new InvalidOperationException($"Unexpected request to the fake Qdrant: {request.Method} {pathAndQuery} {body}");
            }

            next = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        }

        var reply = next();
        return new HttpResponseMessage(reply.Status)
        {
            Content = new StringContent(reply.Body, Encoding.UTF8, reply.MediaType),
            RequestMessage = request,
        };
    }

    private Queue<Func<CannedReply>> Queue(HttpMethod method, string pathAndQuery)
    {
        lock (_routes)
        {
            if (!_routes.TryGetValue((method, pathAndQuery), out var queue))
            {
                _routes[(method, pathAndQuery)] = queue = new Queue<Func<CannedReply>>();
            }

            return queue;
        }
    }
}

internal static class QueueExtensions
{
    public static void EnqueueRange<T>(this Queue<T> queue, IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            queue.Enqueue(item);
        }
    }
}
