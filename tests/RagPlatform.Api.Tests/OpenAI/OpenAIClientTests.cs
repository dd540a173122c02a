using System.ClientModel;
using OpenAI.Chat;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests.OpenAI;

/// <summary>The official OpenAI .NET client talks to the server as it would to OpenAI.</summary>
public sealed class OpenAIClientTests(FakeModelServer fixture) : IClassFixture<FakeModelServer>
{
    [Fact]
    public async Task Chat_completion_returns_the_model_reply_finish_reason_and_usage()
    {
        var chat = OpenAIClients.For(fixture.Server).GetChatClient(EchoChatClient.DefaultModelId);

        ChatCompletion completion = await chat.CompleteChatAsync(
            [new SystemChatMessage("Be brief."), new UserChatMessage("what is retrieval")]);

        Assert.Equal(EchoChatClient.ReplyTo("what is retrieval"), completion.Content.Single().Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal(EchoChatClient.DefaultModelId, completion.Model);
        Assert.StartsWith("chatcmpl-", completion.Id, StringComparison.Ordinal);
        Assert.Equal(5, completion.Usage.InputTokenCount);
        Assert.Equal(5, completion.Usage.OutputTokenCount);
        Assert.Equal(10, completion.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Chat_completion_passes_sampling_settings_to_the_model()
    {
        var chat = OpenAIClients.For(fixture.Server).GetChatClient(EchoChatClient.DefaultModelId);
        var options = new ChatCompletionOptions
        {
            Temperature = 0.25f,
            TopP = 0.5f,
            MaxOutputTokenCount = 3,
            FrequencyPenalty = 0.5f,
            StopSequences = { "never-generated" },
        };
#pragma warning disable OPENAI001 // Seed is marked experimental in the OpenAI client.
        options.Seed = 42;
#pragma warning restore OPENAI001

        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage("one two three four")], options);

        var received = fixture.Chat.LastOptions!;
        Assert.Equal(0.25f, received.Temperature);
        Assert.Equal(0.5f, received.TopP);
        Assert.Equal(3, received.MaxOutputTokens);
        Assert.Equal(0.5f, received.FrequencyPenalty);
        Assert.Equal(42, received.Seed);
        Assert.Equal(["never-generated"], received.StopSequences!);
        Assert.Equal(EchoChatClient.DefaultModelId, received.ModelId);
        Assert.Equal("You said: one", completion.Content.Single().Text);
        Assert.Equal(ChatFinishReason.Length, completion.FinishReason);
    }

    [Fact]
    public async Task Streaming_chat_completion_delivers_the_reply_in_pieces_with_finish_reason_and_usage()
    {
        var chat = OpenAIClients.For(fixture.Server).GetChatClient(EchoChatClient.DefaultModelId);
        var pieces = new List<string>();
        ChatFinishReason? finishReason = null;
        ChatTokenUsage? usage = null;

        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("stream this answer please")]))
        {
            pieces.AddRange(update.ContentUpdate.Select(part => part.Text).Where(text => text.Length > 0));
            finishReason = update.FinishReason ?? finishReason;
            usage = update.Usage ?? usage;
        }

        Assert.Equal(EchoChatClient.ReplyTo("stream this answer please"), string.Concat(pieces));
        Assert.True(pieces.Count > 1, "the reply should arrive in several chunks");
        Assert.Equal(ChatFinishReason.Stop, finishReason);
        Assert.NotNull(usage);
        Assert.Equal(4, usage.InputTokenCount);
        Assert.Equal(6, usage.OutputTokenCount);
    }

    [Fact]
    public async Task Stop_sequences_end_the_reply_where_they_occur()
    {
        var chat = OpenAIClients.For(fixture.Server).GetChatClient(EchoChatClient.DefaultModelId);

        ChatCompletion completion = await chat.CompleteChatAsync(
            [new UserChatMessage("alpha beta gamma")], new ChatCompletionOptions { StopSequences = { " gamma" } });

        Assert.Equal("You said: alpha beta", completion.Content.Single().Text);
    }

    [Fact]
    public async Task Embeddings_match_the_model_vectors_in_order_with_usage()
    {
        var embeddings = OpenAIClients.For(fixture.Server).GetEmbeddingClient(HashEmbeddingGenerator.DefaultModelId);
        string[] texts = ["self attention weighs tokens", "retrieval finds passages"];

        var result = (await embeddings.GenerateEmbeddingsAsync(texts)).Value;

        Assert.Equal(2, result.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(i, result[i].Index);
            Assert.Equal(fixture.Embeddings.Embed(texts[i]), result[i].ToFloats().ToArray());
        }

        Assert.Equal(7, result.Usage.InputTokenCount);
        Assert.Equal(HashEmbeddingGenerator.DefaultModelId, result.Model);
    }

    [Fact]
    public async Task Models_lists_the_chat_and_embedding_model_ids()
    {
        var models = OpenAIClients.For(fixture.Server).GetOpenAIModelClient();

        var list = (await models.GetModelsAsync()).Value;
        var one = (await models.GetModelAsync(HashEmbeddingGenerator.DefaultModelId)).Value;

        Assert.Equal([EchoChatClient.DefaultModelId, HashEmbeddingGenerator.DefaultModelId], list.Select(m => m.Id).ToArray());
        Assert.Equal(HashEmbeddingGenerator.DefaultModelId, one.Id);
    }

    [Fact]
    public async Task Unknown_model_is_reported_as_404_to_the_client()
    {
        var chat = OpenAIClients.For(fixture.Server).GetChatClient("gpt-4o");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(404, error.Status);
        Assert.Contains("'gpt-4o' does not exist", error.Message, StringComparison.Ordinal);
    }
}
