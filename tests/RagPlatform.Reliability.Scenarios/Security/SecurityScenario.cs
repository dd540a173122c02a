using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RagPlatform.Reliability.Infrastructure;

namespace RagPlatform.Reliability.Security;

/// <summary>What the security scenario measured.</summary>
public sealed record SecurityResult(
    int EndpointsFound,
    int ProtectedEndpoints,
    int ProtectedEndpointsEnforcingTheKey,
    int PublicEndpoints,
    int PublicEndpointsOpen,
    int TraversalAttempts,
    int FilesOutsideUploads,
    int OversizeRequests,
    int OversizeRejected,
    int XssResponses,
    int XssResponsesServedAsJson,
    int RateLimitAllowed,
    int RateLimitRejected,
    int RateLimitPermits,
    int RateLimitExtra,
    bool OtherKeyUnaffected,
    IReadOnlyList<string> Problems)
{
    public ScenarioReport ToReport() => new(SecurityScenario.Name,
    [
        new("API key enforced (401 without a key and with a wrong key, accepted with a valid one) on endpoints enumerated from EndpointDataSource",
            $"{ProtectedEndpointsEnforcingTheKey} of {ProtectedEndpoints} protected ({EndpointsFound} endpoints; {PublicEndpointsOpen} of {PublicEndpoints} public ones open)",
            "all", ProtectedEndpoints > 0 && ProtectedEndpointsEnforcingTheKey == ProtectedEndpoints && PublicEndpointsOpen == PublicEndpoints),
        new("Upload path traversal: files written outside the upload folder", $"{FilesOutsideUploads} in {TraversalAttempts} attempts", "0", FilesOutsideUploads == 0 && TraversalAttempts > 0),
        new("Oversize requests rejected (413 or a per-file reason)", $"{OversizeRejected} of {OversizeRequests}", "all", OversizeRejected == OversizeRequests),
        new("Responses carrying XSS payloads served as JSON, never as HTML", $"{XssResponsesServedAsJson} of {XssResponses}", "all", XssResponsesServedAsJson == XssResponses),
        new("Rate limit: requests over the per-key limit answered 429 with Retry-After",
            $"{RateLimitRejected} of {RateLimitExtra} (the first {RateLimitAllowed} of {RateLimitPermits} passed; another key {(OtherKeyUnaffected ? "unaffected" : "blocked")})",
            "all", RateLimitRejected == RateLimitExtra && RateLimitAllowed == RateLimitPermits && OtherKeyUnaffected),
    ], Problems);
}

/// <summary>
/// Attacks the HTTP API on loopback: every endpoint the application maps (read from its EndpointDataSource, so new
/// endpoints are covered without touching this scenario) without and with a wrong key, upload names that try to
/// escape the upload folder, oversize bodies, markup in questions and documents, and bursts over the rate limit.
/// </summary>
public static class SecurityScenario
{
    public const string Name = "security";

    private const string Key = "reliability-security-key";
    private const string OtherKey = "reliability-security-other-key";
    private const long MaxRequestBytes = 64 * 1024;
    private const long MaxFileBytes = 128 * 1024;
    private const string XssQuestion = "<script>alert('xss')</script><img src=x onerror=alert(1)> What is chunking?";

    public static async Task<SecurityResult> RunAsync(SecurityOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder(Name);
        var problems = new List<string>();
        var storePath = scratch.Combine("store");
        await using var api = await LoopbackApi.StartAsync(storePath, new Dictionary<string, string?>
        {
            ["Api:ApiKeys:0"] = Key,
            ["Api:ApiKeys:1"] = OtherKey,
            ["Api:RateLimit:PermitsPerMinute"] = "0",
            ["Api:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingestion:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken);
        using var anonymous = api.CreateClient();
        using var wrongKey = api.CreateClient("not-the-key");
        using var client = api.CreateClient(Key);

        var probes = EndpointProbe.From(api.Endpoints);
        int enforcing = 0, open = 0;
        foreach (var probe in probes)
        {
            if (probe.IsPublic)
            {
                var status = await SendAsync(anonymous, probe, "{}", cancellationToken);
                open += status == HttpStatusCode.OK ? 1 : 0;
                Report(problems, status == HttpStatusCode.OK, $"{probe} is public but answered {(int)status}.");
                continue;
            }

            var withoutKey = await SendAsync(anonymous, probe, "{}", cancellationToken);
            var withWrongKey = await SendAsync(wrongKey, probe, "{}", cancellationToken);
            // A malformed body keeps a request with the valid key from doing anything (such as starting an evaluation).
            var withKey = await SendAsync(client, probe, "{", cancellationToken);
            var enforced = withoutKey == HttpStatusCode.Unauthorized && withWrongKey == HttpStatusCode.Unauthorized && withKey != HttpStatusCode.Unauthorized;
            enforcing += enforced ? 1 : 0;
            Report(problems, enforced, $"{probe}: {(int)withoutKey} without a key, {(int)withWrongKey} with a wrong key, {(int)withKey} with the key.");
        }

        log($"Endpoints: {probes.Count} found; {enforcing} enforce the key; public: {string.Join(", ", probes.Where(p => p.IsPublic))}");

        var (attempts, escaped) = await TryPathTraversalAsync(client, scratch, storePath, problems, cancellationToken);
        log($"Path traversal: {attempts} names tried, {escaped} files outside the upload folder");

        var (oversize, rejected) = await TryOversizeAsync(client, problems, cancellationToken);
        log($"Oversize: {rejected} of {oversize} rejected");

        var (xss, asJson) = await TryXssAsync(client, problems, cancellationToken);
        log($"XSS: {asJson} of {xss} responses served as JSON");

        var rate = await TryRateLimitAsync(options, scratch, problems, cancellationToken);
        log($"Rate limit: {rate.Allowed} allowed, {rate.Rejected} of {options.RateLimitExtraRequests} rejected");

        var publicCount = probes.Count(probe => probe.IsPublic);
        return new SecurityResult(
            probes.Count, probes.Count - publicCount, enforcing, publicCount, open, attempts, escaped, oversize, rejected, xss, asJson,
            rate.Allowed, rate.Rejected, options.RateLimitPermits, options.RateLimitExtraRequests, rate.OtherKeyUnaffected, problems);
    }

    private static void Report(List<string> problems, bool passed, string problem)
    {
        if (!passed)
        {
            problems.Add(problem);
        }
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, EndpointProbe probe, string jsonBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path.TrimStart('/'));
        if (probe.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private static async Task<(int Attempts, int Escaped)> TryPathTraversalAsync(
        HttpClient client, ScratchFolder scratch, string storePath, List<string> problems, CancellationToken cancellationToken)
    {
        var marker = $"escape-{Guid.NewGuid():N}";
        string[] names =
        [
            $"../../../{marker}-1.md", $"..\\..\\..\\{marker}-2.md", $"/tmp/{marker}-3.md", $"....//....//{marker}-4.md",
            $"%2e%2e%2f%2e%2e%2f{marker}-5.md", $"uploads/../../{marker}-6.md", $"..", $"C:\\Windows\\{marker}-7.md", $"~/{marker}-8.md",
        ];
        using var form = new MultipartFormDataContent();
        foreach (var name in names)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("# Escape attempt\n\nThis upload tries to leave its folder.\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            // Set by hand: the framework would quote and escape the name, and the attack needs it verbatim.
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = $"\"{name.Replace("\\", "\\\\", StringComparison.Ordinal)}\"" };
            form.Add(file);
        }

        using var response = await client.PostAsync("api/documents", form, cancellationToken);
        Report(problems, response.StatusCode == HttpStatusCode.OK, $"The traversal upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");

        var uploads = Path.Combine(Path.GetFullPath(storePath), "uploads") + Path.DirectorySeparatorChar;
        string[] searched = [scratch.Path, Path.GetTempPath(), Directory.GetCurrentDirectory()];
        var escaped = searched
            .SelectMany(folder => SafeEnumerate(folder, $"*{marker}*"))
            .Where(path => !Path.GetFullPath(path).StartsWith(uploads, StringComparison.Ordinal))
            .Distinct()
            .ToList();
        problems.AddRange(escaped.Select(path => $"An upload was written outside the upload folder: {path}"));
        var stored = SafeEnumerate(uploads, "*.md").Count();
        Report(problems, stored > 0, "No traversal upload was stored at all, so the check proved nothing.");
        return (names.Length, escaped.Count);
    }

    private static IEnumerable<string> SafeEnumerate(string folder, string pattern) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 6 })
            : [];

    private static async Task<(int Requests, int Rejected)> TryOversizeAsync(HttpClient client, List<string> problems, CancellationToken cancellationToken)
    {
        var rejected = 0;
        var bigQuestion = new string('a', (int)MaxRequestBytes);
        using (var response = await client.PostAsync("api/ask", new StringContent($"{{\"question\":\"{bigQuestion}\"}}", Encoding.UTF8, "application/json"), cancellationToken))
        {
            rejected += Rejected(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, "A JSON body over Api:MaxRequestBytes", response);
        }

        using (var response = await client.PostAsync("v1/chat/completions", new StringContent(
                   $"{{\"model\":\"any\",\"messages\":[{{\"role\":\"user\",\"content\":\"{bigQuestion}\"}}]}}", Encoding.UTF8, "application/json"), cancellationToken))
        {
            rejected += Rejected(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, "A chat completion over Api:MaxRequestBytes", response);
        }

        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[MaxFileBytes + 1]), "files", "large.txt" } };
        using (var response = await client.PostAsync("api/documents", form, cancellationToken))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var refused = response.StatusCode == HttpStatusCode.RequestEntityTooLarge
                || (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest && body.Contains("MaxFileBytes", StringComparison.Ordinal));
            rejected += Rejected(refused, "An upload over Ingestion:MaxFileBytes", response);
        }

        return (3, rejected);

        int Rejected(bool refused, string what, HttpResponseMessage response)
        {
            Report(problems, refused, $"{what} was answered {(int)response.StatusCode}.");
            return refused ? 1 : 0;
        }
    }

    private static async Task<(int Responses, int AsJson)> TryXssAsync(HttpClient client, List<string> problems, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Chunking notes\n\nChunking splits text <script>alert('doc')</script> into passages <img src=x onerror=alert(2)>.\n")), "files", "<script>alert(3)</script>.txt" },
        };
        var responses = new List<HttpResponseMessage>
        {
            await client.PostAsync("api/documents", form, cancellationToken),
            await client.PostAsync("api/ask", new StringContent(System.Text.Json.JsonSerializer.Serialize(new { question = XssQuestion }), Encoding.UTF8, "application/json"), cancellationToken),
            await client.GetAsync("api/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E", cancellationToken),
            await client.GetAsync("api/documents", cancellationToken),
        };
        var asJson = 0;
        foreach (var response in responses)
        {
            using (response)
            {
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                var json = mediaType is "application/json" or "application/problem+json";
                asJson += json ? 1 : 0;
                Report(problems, json, $"{response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} as {mediaType ?? "no content type"}.");
            }
        }

        return (responses.Count, asJson);
    }

    private sealed record RateLimitOutcome(int Allowed, int Rejected, bool OtherKeyUnaffected);

    private static async Task<RateLimitOutcome> TryRateLimitAsync(SecurityOptions options, ScratchFolder scratch, List<string> problems, CancellationToken cancellationToken)
    {
        await using var api = await LoopbackApi.StartAsync(scratch.Combine("rate-limited-store"), new Dictionary<string, string?>
        {
            ["Api:ApiKeys:0"] = Key,
            ["Api:ApiKeys:1"] = OtherKey,
            ["Api:RateLimit:PermitsPerMinute"] = options.RateLimitPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken);
        using var client = api.CreateClient(Key);
        using var other = api.CreateClient(OtherKey);
        int allowed = 0, rejected = 0;
        for (var i = 0; i < options.RateLimitPermits + options.RateLimitExtraRequests; i++)
        {
            using var response = await client.GetAsync("api/documents", cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK && rejected == 0)
            {
                allowed++;
            }
            else if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is not null)
            {
                rejected++;
            }
            else
            {
                problems.Add($"Rate-limited request {i + 1} answered {(int)response.StatusCode}.");
            }
        }

        using var otherResponse = await other.GetAsync("api/documents", cancellationToken);
        Report(problems, otherResponse.StatusCode == HttpStatusCode.OK, $"Another key was answered {(int)otherResponse.StatusCode} while the first was limited.");
        return new RateLimitOutcome(allowed, rejected, otherResponse.StatusCode == HttpStatusCode.OK);
    }
}
