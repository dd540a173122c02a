using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests.Security;

public sealed class LimitsTests
{
    private const string ChatRequest = """{"model":"echo-chat","messages":[{"role":"user","content":"hi"}]}""";

    [Fact]
    public async Task Requests_over_the_rate_limit_get_429_with_retry_after()
    {
        await using var server = await StartAsync(new() { ["Api:RateLimit:PermitsPerMinute"] = "2" });

        using var first = await server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions", ChatRequest));
        using var second = await server.Http.GetAsync("v1/models");
        using var third = await server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions", ChatRequest));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        await third.AssertOpenAIErrorAsync(429, "rate_limit_exceeded");
        var retryAfter = int.Parse(third.Headers.GetValues(HeaderNames.RetryAfter).Single());
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task Each_api_key_has_its_own_rate_limit_and_rag_endpoints_answer_429_as_problem_details()
    {
        await using var server = await StartAsync(new()
        {
            ["Api:RateLimit:PermitsPerMinute"] = "1",
            ["Api:ApiKeys:0"] = "key-one",
            ["Api:ApiKeys:1"] = "key-two",
        });

        using var first = await server.Http.SendAsync(HttpHelpers.Get("v1/models", "key-one"));
        using var limited = await server.Http.SendAsync(HttpHelpers.Post("api/ask", """{"question":"x"}""", "key-one"));
        using var otherKey = await server.Http.SendAsync(HttpHelpers.Get("v1/models", "key-two"));

        Assert.Equal(200, (int)first.StatusCode);
        await limited.AssertProblemAsync(429, "rate_limit_exceeded");
        Assert.Equal(200, (int)otherKey.StatusCode);
    }

    [Fact]
    public async Task Zero_permits_turns_rate_limiting_off()
    {
        await using var server = await StartAsync(new() { ["Api:RateLimit:PermitsPerMinute"] = "0" });

        for (var i = 0; i < 5; i++)
        {
            using var response = await server.Http.GetAsync("v1/models");
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    [Fact]
    public async Task Json_bodies_over_the_size_limit_get_413()
    {
        await using var server = await StartAsync(new() { ["Api:MaxRequestBytes"] = "512" });
        var longText = new string('x', 600);

        using var tooLarge = await server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions",
            $$"""{"model":"echo-chat","messages":[{"role":"user","content":"{{longText}}"}]}"""));
        using var small = await server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions", ChatRequest));

        var error = await tooLarge.AssertOpenAIErrorAsync(413, "request_too_large");
        Assert.Contains("Api:MaxRequestBytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, (int)small.StatusCode);
    }

    [Fact]
    public async Task Cors_headers_are_absent_by_default()
    {
        await using var server = await StartAsync([]);

        using var request = HttpHelpers.Get("v1/models");
        request.Headers.Add(HeaderNames.Origin, "https://elsewhere.example");
        using var response = await server.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(response.Headers.Contains(HeaderNames.AccessControlAllowOrigin));
    }

    [Fact]
    public async Task Configured_origins_get_cors_headers_and_preflight_answers()
    {
        await using var server = await StartAsync(new() { ["Api:Cors:AllowedOrigins:0"] = "https://course.example" });

        using var request = HttpHelpers.Get("v1/models");
        request.Headers.Add(HeaderNames.Origin, "https://course.example");
        using var allowed = await server.Http.SendAsync(request);
        using var otherRequest = HttpHelpers.Get("v1/models");
        otherRequest.Headers.Add(HeaderNames.Origin, "https://elsewhere.example");
        using var other = await server.Http.SendAsync(otherRequest);
        using var preflightRequest = new HttpRequestMessage(HttpMethod.Options, "v1/chat/completions");
        preflightRequest.Headers.Add(HeaderNames.Origin, "https://course.example");
        preflightRequest.Headers.Add(HeaderNames.AccessControlRequestMethod, "POST");
        preflightRequest.Headers.Add(HeaderNames.AccessControlRequestHeaders, "authorization,content-type");
        using var preflight = await server.Http.SendAsync(preflightRequest);

        Assert.Equal("https://course.example", allowed.Headers.GetValues(HeaderNames.AccessControlAllowOrigin).Single());
        Assert.False(other.Headers.Contains(HeaderNames.AccessControlAllowOrigin));
        Assert.Equal(204, (int)preflight.StatusCode);
        Assert.Equal("https://course.example", preflight.Headers.GetValues(HeaderNames.AccessControlAllowOrigin).Single());
    }

    private static Task<ApiServer> StartAsync(Dictionary<string, string?> settings) =>
        ApiServer.StartAsync(settings, (services, _) => services.AddChatClient(new EchoChatClient()));
}
