using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Api.Tests.Infrastructure;
using RagPlatform.Core.Storage;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Api.Tests.Models;

/// <summary>
/// The platform configured (Models:Generator / Models:Embedding with Endpoint) to use an OpenAI-compatible server —
/// here another instance of this API — for its models.
/// </summary>
public sealed class RemoteModelRoundTripTests
{
    private const string RemoteKey = "sk-remote-models";

    [Fact]
    public async Task The_platform_answers_with_a_remote_generator_and_embeds_with_a_remote_embedding_model()
    {
        await using var remote = await StartRemoteAsync();
        await using var rag = await RagServer.StartAsync(RemoteSettings(remote));

        using var response = await rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":"What does self-attention let every token do?","topK":1}"""));
        var answer = await response.ReadJsonAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("generative", answer.GetProperty("mode").GetString());
        var text = answer.GetProperty("answer").GetString()!;
        Assert.StartsWith("You said:", text, StringComparison.Ordinal);
        Assert.Contains("What does self-attention let every token do?", text, StringComparison.Ordinal);
        Assert.Contains("Self-attention lets every token weigh every other token", text, StringComparison.Ordinal);
        Assert.Equal(rag.DocumentIds[RagServer.AttentionDocument], answer.GetProperty("context")[0].GetProperty("documentId").GetString());
        var signature = await rag.Server.Services.GetRequiredService<IChunkStore>().GetEmbeddingSignatureAsync();
        Assert.Equal(new EmbeddingSignature(HashEmbeddingGenerator.DefaultModelId, 32), signature);
    }

    [Fact]
    public async Task The_remote_models_are_served_again_under_their_ids()
    {
        await using var remote = await StartRemoteAsync();
        await using var relay = await ApiServer.StartAsync(RemoteSettings(remote), (services, configuration) =>
            services.AddConfiguredModels(configuration));

        var completion = (await OpenAIClients.For(relay).GetChatClient(EchoChatClient.DefaultModelId)
            .CompleteChatAsync([new global::OpenAI.Chat.UserChatMessage("relayed")])).Value;
        var models = (await OpenAIClients.For(relay).GetOpenAIModelClient().GetModelsAsync()).Value;

        Assert.Equal(EchoChatClient.ReplyTo("relayed"), completion.Content.Single().Text);
        Assert.Equal([EchoChatClient.DefaultModelId, HashEmbeddingGenerator.DefaultModelId], models.Select(m => m.Id).ToArray());
    }

    private static Task<ApiServer> StartRemoteAsync() =>
        ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:ApiKeys:0"] = RemoteKey }, (services, _) =>
        {
            services.AddChatClient(new EchoChatClient());
            services.AddEmbeddingGenerator(new HashEmbeddingGenerator());
        });

    private static Dictionary<string, string?> RemoteSettings(ApiServer remote) => new()
    {
        ["Models:Generator:Endpoint"] = remote.V1.AbsoluteUri,
        ["Models:Generator:Model"] = EchoChatClient.DefaultModelId,
        ["Models:Generator:ApiKey"] = RemoteKey,
        ["Models:Embedding:Endpoint"] = remote.V1.AbsoluteUri,
        ["Models:Embedding:Model"] = HashEmbeddingGenerator.DefaultModelId,
        ["Models:Embedding:ApiKey"] = RemoteKey,
    };
}
