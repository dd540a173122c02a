using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Api.OpenAI;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests.OpenAI;

/// <summary>The wire format of /v1, checked byte by byte where clients depend on it.</summary>
public sealed class OpenAIProtocolTests(FakeModelServer fixture) : IClassFixture<FakeModelServer>
{
    private HttpClient Http => fixture.Server.Http;

    [Fact]
    public async Task Streaming_sends_data_lines_of_chunks_then_usage_then_done()
    {
        using var response = await Http.SendAsync(HttpHelpers.Post("v1/chat/completions",
            """{"model":"echo-chat","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hello world"}]}"""),
            HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("data: ", line, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", lines[^1]);
        var chunks = lines[..^1].Select(line => JsonDocument.Parse(line["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var text = string.Concat(chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Select(delta => delta.TryGetProperty("content", out var content) ? content.GetString() : ""));
        Assert.Equal(EchoChatClient.ReplyTo("hello world"), text);

        var finish = chunks[^2].GetProperty("choices")[0];
        Assert.Equal("stop", finish.GetProperty("finish_reason").GetString());
        Assert.Equal(JsonValueKind.Null, chunks[1].GetProperty("choices")[0].GetProperty("finish_reason").ValueKind);
        var usage = chunks[^1];
        Assert.Equal(0, usage.GetProperty("choices").GetArrayLength());
        Assert.Equal(2, usage.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(4, usage.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(6, usage.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Streaming_without_include_usage_sends_no_usage_chunk()
    {
        using var response = await Http.SendAsync(HttpHelpers.Post("v1/chat/completions",
            """{"model":"echo-chat","stream":true,"messages":[{"role":"user","content":"hi"}]}"""));
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("\"usage\"", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_streaming_response_has_the_openai_shape()
    {
        using var response = await Http.SendAsync(HttpHelpers.Post("v1/chat/completions",
            """{"model":"echo-chat","max_tokens":2,"messages":[{"role":"developer","content":"be short"},{"role":"user","content":[{"type":"text","text":"one "},{"type":"text","text":"two three"}]}]}"""));
        var json = await response.ReadJsonAsync();

        Assert.Equal("chat.completion", json.GetProperty("object").GetString());
        Assert.Equal("echo-chat", json.GetProperty("model").GetString());
        Assert.True(json.GetProperty("created").GetInt64() > 1_600_000_000);
        var choice = json.GetProperty("choices")[0];
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("You said:", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(ChatRole.System, fixture.Chat.LastMessages[0].Role);
        Assert.Equal("one two three", fixture.Chat.LastMessages[1].Text);
        Assert.Equal(2, json.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Embeddings_in_base64_decode_to_the_model_vector()
    {
        using var response = await Http.SendAsync(HttpHelpers.Post("v1/embeddings",
            """{"model":"hash-embedding","input":"dense retrieval","encoding_format":"base64"}"""));
        var json = await response.ReadJsonAsync();

        Assert.Equal("list", json.GetProperty("object").GetString());
        var item = json.GetProperty("data")[0];
        Assert.Equal("embedding", item.GetProperty("object").GetString());
        var decoded = EncodedEmbedding.FromBase64(item.GetProperty("embedding").GetString()!);
        Assert.Equal(fixture.Embeddings.Embed("dense retrieval"), decoded.Vector.ToArray());
        Assert.Equal(2, json.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.False(json.GetProperty("usage").TryGetProperty("completion_tokens", out _));
    }

    [Fact]
    public async Task Embeddings_as_floats_are_json_numbers()
    {
        using var response = await Http.SendAsync(HttpHelpers.Post("v1/embeddings",
            """{"model":"hash-embedding","input":["a b","c"]}"""));
        var json = await response.ReadJsonAsync();

        var vectors = json.GetProperty("data").EnumerateArray()
            .Select(item => item.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray())
            .ToList();
        Assert.Equal([fixture.Embeddings.Embed("a b"), fixture.Embeddings.Embed("c")], vectors);
    }

    [Theory]
    [InlineData("""{"model":"echo-chat","messages":[{"role":"user","content":"hi"}]""", null)]
    [InlineData("""{"model":"echo-chat","temperature":"hot","messages":[]}""", "temperature")]
    public async Task Malformed_json_is_a_400_invalid_request(string body, string? param)
    {
        using var response = await Http.SendAsync(HttpHelpers.Post("v1/chat/completions", body));

        var error = await response.AssertOpenAIErrorAsync(400, param: param);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("""{"model":"echo-chat","messages":[]}""", "messages")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", "model")]
    [InlineData("""{"model":"echo-chat","messages":[{"role":"wizard","content":"hi"}]}""", "messages[0].role")]
    [InlineData("""{"model":"echo-chat","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}""", "messages[0].content[0]")]
    [InlineData("""{"model":"echo-chat","temperature":3,"messages":[{"role":"user","content":"hi"}]}""", "temperature")]
    [InlineData("""{"model":"echo-chat","max_completion_tokens":0,"messages":[{"role":"user","content":"hi"}]}""", "max_completion_tokens")]
    [InlineData("""{"model":"echo-chat","n":3,"messages":[{"role":"user","content":"hi"}]}""", "n")]
    [InlineData("""{"model":"echo-chat","stop":["a","b","c","d","e"],"messages":[{"role":"user","content":"hi"}]}""", "stop")]
    [InlineData("""{"model":"echo-chat","tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":"hi"}]}""", "tools")]
    [InlineData("""{"model":"hash-embedding","messages":[{"role":"user","content":"hi"}]}""", "model")]
    public async Task Invalid_chat_requests_name_the_field(string body, string param)
    {
        using var response = await Http.SendAsync(HttpHelpers.Post("v1/chat/completions", body));

        await response.AssertOpenAIErrorAsync(400, param: param);
    }

    [Theory]
    [InlineData("""{"model":"hash-embedding"}""", "input")]
    [InlineData("""{"model":"hash-embedding","input":[1,2,3]}""", "input")]
    [InlineData("""{"model":"hash-embedding","input":["ok",""]}""", "input[1]")]
    [InlineData("""{"model":"hash-embedding","input":"x","encoding_format":"int8"}""", "encoding_format")]
    [InlineData("""{"model":"hash-embedding","input":"x","dimensions":8}""", "dimensions")]
    public async Task Invalid_embedding_requests_name_the_field(string body, string param)
    {
        using var response = await Http.SendAsync(HttpHelpers.Post("v1/embeddings", body));

        await response.AssertOpenAIErrorAsync(400, param: param);
    }

    [Fact]
    public async Task Unknown_model_is_404_model_not_found()
    {
        using var chat = await Http.SendAsync(HttpHelpers.Post("v1/chat/completions", """{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"""));
        using var model = await Http.GetAsync("v1/models/gpt-4o");

        var error = await chat.AssertOpenAIErrorAsync(404, "model_not_found", "model");
        Assert.Contains("'echo-chat'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await model.AssertOpenAIErrorAsync(404, "model_not_found", "model");
    }

    [Fact]
    public async Task Failure_in_the_middle_of_a_stream_ends_it_with_an_error_object_and_no_done()
    {
        await using var server = await ApiServer.StartAsync(configureServices: (services, _) =>
            services.AddChatClient(new EchoChatClient(failAfterWords: 2)));

        using var response = await server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions",
            """{"model":"echo-chat","stream":true,"messages":[{"role":"user","content":"a b c"}]}"""));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.DoesNotContain("data: [DONE]", lines);
        var error = JsonDocument.Parse(lines[^1]["data: ".Length..]).RootElement.GetProperty("error");
        Assert.Equal("The echo model broke down mid-answer.", error.GetProperty("message").GetString());
        Assert.Equal("server_error", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Failure_before_the_first_token_is_an_error_status_not_a_stream()
    {
        await using var server = await ApiServer.StartAsync(configureServices: (services, _) =>
            services.AddChatClient(new EchoChatClient(failAfterWords: 0)));

        using var response = await server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions",
            """{"model":"echo-chat","stream":true,"messages":[{"role":"user","content":"a b c"}]}"""));

        var error = await response.AssertOpenAIErrorAsync(500);
        Assert.Equal("The echo model broke down mid-answer.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_models_the_endpoints_answer_503_saying_what_to_configure()
    {
        await using var server = await ApiServer.StartAsync();

        using var chat = await server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions", """{"model":"x","messages":[{"role":"user","content":"hi"}]}"""));
        using var embeddings = await server.Http.SendAsync(HttpHelpers.Post("v1/embeddings", """{"model":"x","input":"hi"}"""));
        using var models = await server.Http.GetAsync("v1/models");

        var chatError = await chat.AssertOpenAIErrorAsync(503, "model_not_configured");
        Assert.StartsWith("No chat model is configured: set Models:Generator:Path", chatError.GetProperty("message").GetString(), StringComparison.Ordinal);
        var embeddingError = await embeddings.AssertOpenAIErrorAsync(503, "model_not_configured");
        Assert.StartsWith("No embedding model is configured: set Models:Embedding:Path", embeddingError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await models.ReadJsonAsync()).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_model_without_an_id_in_its_metadata_is_served_under_a_generic_id()
    {
        await using var server = await ApiServer.StartAsync(configureServices: (services, _) =>
            services.AddChatClient(new EchoChatClient(modelId: null!)));

        using var response = await server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions",
            $$"""{"model":"{{ServedModels.UnnamedChatModelId}}","messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(ServedModels.UnnamedChatModelId, (await response.ReadJsonAsync()).GetProperty("model").GetString());
    }
}
