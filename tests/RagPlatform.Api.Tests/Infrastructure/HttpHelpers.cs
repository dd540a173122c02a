using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace RagPlatform.Api.Tests.Infrastructure;

internal static class HttpHelpers
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<List<SseItem<string>>> ReadEventsAsync(this HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            Assert.Fail($"Expected an event stream, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var events = new List<SseItem<string>>();
        await using var stream = await response.Content.ReadAsStreamAsync();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            events.Add(item);
        }

        return events;
    }

    public static HttpRequestMessage Post(string path, string json, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        return WithKey(request, apiKey);
    }

    public static HttpRequestMessage Get(string path, string? apiKey = null) => WithKey(new HttpRequestMessage(HttpMethod.Get, path), apiKey);

    /// <summary>Asserts OpenAI's error object and returns it.</summary>
    public static async Task<JsonElement> AssertOpenAIErrorAsync(this HttpResponseMessage response, int status, string? code = null, string? param = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("type").GetString()));
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        return error;
    }

    /// <summary>Asserts RFC 9457 problem details and returns them.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status, string? code = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        return problem;
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string? apiKey)
    {
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return request;
    }
}
