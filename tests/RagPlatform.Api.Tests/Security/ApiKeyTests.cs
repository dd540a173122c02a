using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests.Security;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private const string Key = "sk-course-2024-alpha";
    private const string OtherKey = "sk-course-2024-beta-longer";
    private RagServer? _rag;

    private RagServer Rag => _rag!;

    public async Task InitializeAsync() =>
        _rag = await RagServer.StartAsync(
            new Dictionary<string, string?> { ["Api:ApiKeys:0"] = Key, ["Api:ApiKeys:1"] = OtherKey },
            (services, _) => services.AddChatClient(new EchoChatClient()));

    public async Task DisposeAsync() => await Rag.DisposeAsync();

    [Theory]
    [InlineData("v1/models")]
    [InlineData("api/documents")]
    public async Task Requests_without_a_key_get_401_with_a_bearer_challenge(string path)
    {
        using var response = await Rag.Http.SendAsync(HttpHelpers.Get(path));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task OpenAI_endpoints_answer_401_in_openai_shape()
    {
        using var missing = await Rag.Http.SendAsync(HttpHelpers.Post("v1/chat/completions", """{"model":"echo-chat","messages":[{"role":"user","content":"hi"}]}"""));
        using var wrong = await Rag.Http.SendAsync(HttpHelpers.Post("v1/chat/completions", """{"model":"echo-chat","messages":[{"role":"user","content":"hi"}]}""", "sk-course-2024-alphx"));

        var missingError = await missing.AssertOpenAIErrorAsync(401, "invalid_api_key");
        Assert.Contains("No API key was provided", missingError.GetProperty("message").GetString(), StringComparison.Ordinal);
        var wrongError = await wrong.AssertOpenAIErrorAsync(401, "invalid_api_key");
        Assert.Contains("Incorrect API key", wrongError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rag_endpoints_answer_401_as_problem_details()
    {
        using var wrong = await Rag.Http.SendAsync(HttpHelpers.Post("api/ask", """{"question":"What is chunking?"}""", "not-a-key"));

        await wrong.AssertProblemAsync(401, "invalid_api_key");
    }

    [Theory]
    [InlineData(Key)]
    [InlineData(OtherKey)]
    public async Task Every_configured_key_is_accepted(string key)
    {
        using var models = await Rag.Http.SendAsync(HttpHelpers.Get("v1/models", key));
        using var documents = await Rag.Http.SendAsync(HttpHelpers.Get("api/documents", key));

        Assert.Equal(200, (int)models.StatusCode);
        Assert.Equal(200, (int)documents.StatusCode);
    }

    [Fact]
    public async Task The_openai_client_works_with_the_key_and_fails_without_it()
    {
        var withKey = OpenAIClients.For(Rag.Server, Key).GetChatClient(EchoChatClient.DefaultModelId);
        var withoutKey = OpenAIClients.For(Rag.Server, "sk-wrong").GetChatClient(EchoChatClient.DefaultModelId);

        ChatCompletion completion = await withKey.CompleteChatAsync([new UserChatMessage("secured")]);
        var error = await Assert.ThrowsAsync<ClientResultException>(() => withoutKey.CompleteChatAsync([new UserChatMessage("secured")]));

        Assert.Equal(EchoChatClient.ReplyTo("secured"), completion.Content.Single().Text);
        Assert.Equal(401, error.Status);
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("openapi/ragplatform.json")]
    public async Task Health_and_openapi_stay_open(string path)
    {
        using var response = await Rag.Http.GetAsync(path);

        Assert.Equal(200, (int)response.StatusCode);
    }
}
