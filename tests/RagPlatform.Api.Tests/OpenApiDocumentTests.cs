using System.Text.Json;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_document_describes_the_api_with_openai_wire_names()
    {
        await using var rag = await RagServer.StartAsync();

        using var response = await rag.Http.GetAsync("openapi/ragplatform.json");
        var document = await response.ReadJsonAsync();

        Assert.Equal(200, (int)response.StatusCode);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/ask", "/api/ask/stream", "/api/documents", "/api/documents/{id}", "/api/eval/runs", "/api/eval/runs/{id}", "/v1/chat/completions", "/v1/embeddings", "/v1/models", "/v1/models/{id}"],
            paths.Order(StringComparer.Ordinal));
        var chatRequest = document.GetProperty("paths").GetProperty("/v1/chat/completions").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var properties = Resolve(document, chatRequest).GetProperty("properties");
        Assert.True(properties.TryGetProperty("max_completion_tokens", out _));
        Assert.True(properties.TryGetProperty("stream_options", out _));
        var upload = document.GetProperty("paths").GetProperty("/api/documents").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(upload.TryGetProperty("multipart/form-data", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/api/ask").GetProperty("post").GetProperty("responses").TryGetProperty("400", out _));
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
