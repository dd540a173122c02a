using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Api.Models;
using RagPlatform.Api.Tests.Infrastructure;
using RagPlatform.Core.Storage;
using RagPlatform.Rag.Answering;

namespace RagPlatform.Api.Tests.Models;

/// <summary>The platform uses an OpenAI-compatible server — here, another instance of this API — for its models.</summary>
public sealed class OpenAICompatibleModelsTests
{
    private const string RemoteKey = "sk-remote-models";

    [Fact]
    public async Task The_platform_answers_with_a_remote_generator_and_embeds_with_a_remote_embedding_model()
    {
        await using var remote = await StartRemoteAsync();
        await using var rag = await RagServer.StartAsync(RemoteSettings(remote, RemoteKey), (services, configuration) =>
        {
            services.AddOpenAICompatibleModels(configuration);
            services.AddSingleton<IRagPromptBuilder, NumberedPassagePromptBuilder>();
            services.AddSingleton<GenerativeAnswerer>();
        });

        using var response = await rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":"What does self-attention let every token do?","topK":1}"""));
        var answer = await response.ReadJsonAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("generative", answer.GetProperty("mode").GetString());
        var text = answer.GetProperty("answer").GetString()!;
        Assert.StartsWith("You said: [1] Self-attention lets every token", text, StringComparison.Ordinal);
        Assert.EndsWith("Question: What does self-attention let every token do?", text, StringComparison.Ordinal);
        Assert.Equal(rag.DocumentIds[RagServer.AttentionDocument], answer.GetProperty("citations")[0].GetProperty("documentId").GetString());
        var signature = await rag.Server.Services.GetRequiredService<IChunkStore>().GetEmbeddingSignatureAsync();
        Assert.Equal(new EmbeddingSignature(HashEmbeddingGenerator.DefaultModelId, 32), signature);
    }

    [Fact]
    public async Task The_remote_models_are_served_again_under_their_ids()
    {
        await using var remote = await StartRemoteAsync();
        await using var relay = await ApiServer.StartAsync(RemoteSettings(remote, RemoteKey), (services, configuration) =>
            services.AddOpenAICompatibleModels(configuration));

        var completion = (await OpenAIClients.For(relay).GetChatClient(EchoChatClient.DefaultModelId)
            .CompleteChatAsync([new global::OpenAI.Chat.UserChatMessage("relayed")])).Value;
        var models = (await OpenAIClients.For(relay).GetOpenAIModelClient().GetModelsAsync()).Value;

        Assert.Equal(EchoChatClient.ReplyTo("relayed"), completion.Content.Single().Text);
        Assert.Equal([EchoChatClient.DefaultModelId, HashEmbeddingGenerator.DefaultModelId], models.Select(m => m.Id).ToArray());
    }

    [Fact]
    public async Task Without_an_api_key_no_authorization_header_is_sent()
    {
        await using var remote = await StartRemoteAsync();
        var services = new ServiceCollection().AddOpenAICompatibleModels(Configuration(RemoteSettings(remote, apiKey: null)));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() =>
            provider.GetRequiredService<IChatClient>().GetResponseAsync("hello"));

        Assert.Equal(401, error.Status);
        Assert.Contains("No API key was provided", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_without_an_endpoint_register_nothing()
    {
        var services = new ServiceCollection().AddOpenAICompatibleModels(Configuration(new() { ["Models:Generator:Path"] = "/models/qwen" }));

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IChatClient));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>));
    }

    [Theory]
    [InlineData("Models:Generator", "ftp://models.example/v1", "echo-chat", "Models:Generator:Endpoint 'ftp://models.example/v1' is not an http(s) address")]
    [InlineData("Models:Embedding", "localhost:8080", "e5", "Models:Embedding:Endpoint 'localhost:8080' is not an http(s) address")]
    [InlineData("Models:Generator", "http://127.0.0.1:9/v1", "", "Models:Generator:Model is required with Models:Generator:Endpoint")]
    public void Misconfigured_sections_are_rejected_naming_the_setting(string section, string endpoint, string model, string message)
    {
        var configuration = Configuration(new() { [$"{section}:Endpoint"] = endpoint, [$"{section}:Model"] = model });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddOpenAICompatibleModels(configuration));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static Task<ApiServer> StartRemoteAsync() =>
        ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:ApiKeys:0"] = RemoteKey }, (services, _) =>
        {
            services.AddChatClient(new EchoChatClient());
            services.AddEmbeddingGenerator(new HashEmbeddingGenerator());
        });

    private static Dictionary<string, string?> RemoteSettings(ApiServer remote, string? apiKey) => new()
    {
        ["Models:Generator:Endpoint"] = remote.V1.AbsoluteUri,
        ["Models:Generator:Model"] = EchoChatClient.DefaultModelId,
        ["Models:Generator:ApiKey"] = apiKey,
        ["Models:Embedding:Endpoint"] = remote.V1.AbsoluteUri,
        ["Models:Embedding:Model"] = HashEmbeddingGenerator.DefaultModelId,
        ["Models:Embedding:ApiKey"] = apiKey,
    };

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
