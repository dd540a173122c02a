using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests.OpenAI;

/// <summary>Semantic Kernel's OpenAI connector uses the server as a custom OpenAI endpoint.</summary>
public sealed class SemanticKernelTests(FakeModelServer fixture) : IClassFixture<FakeModelServer>
{
    [Fact]
    public async Task Chat_completion_service_gets_the_reply()
    {
        var chat = ChatService();

        var reply = await chat.GetChatMessageContentAsync("explain chunking", new OpenAIPromptExecutionSettings { MaxTokens = 20 });

        Assert.Equal(EchoChatClient.ReplyTo("explain chunking"), reply.Content);
        Assert.Equal(AuthorRole.Assistant, reply.Role);
        Assert.Equal(20, fixture.Chat.LastOptions!.MaxOutputTokens);
    }

    [Fact]
    public async Task Streaming_chat_completion_service_gets_the_reply_in_pieces()
    {
        var chat = ChatService();
        var history = new ChatHistory("You are terse.");
        history.AddUserMessage("explain overlap between chunks");
        var pieces = new List<string>();

        await foreach (var update in chat.GetStreamingChatMessageContentsAsync(history))
        {
            if (!string.IsNullOrEmpty(update.Content))
            {
                pieces.Add(update.Content);
            }
        }

        Assert.Equal(EchoChatClient.ReplyTo("explain overlap between chunks"), string.Concat(pieces));
        Assert.True(pieces.Count > 1, "the reply should arrive in several chunks");
        Assert.Equal("You are terse.", fixture.Chat.LastMessages[0].Text);
    }

    private IChatCompletionService ChatService() =>
        Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(EchoChatClient.DefaultModelId, fixture.Server.V1, apiKey: "no-key-configured")
            .Build()
            .GetRequiredService<IChatCompletionService>();
}
