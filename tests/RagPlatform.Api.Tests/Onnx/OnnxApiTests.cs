using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using RagPlatform.Api.Tests.Infrastructure;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace RagPlatform.Api.Tests.Onnx;

/// <summary>
/// OpenAI clients and the RAG API on the local ONNX runtime. Generation is greedy by default, so what comes over HTTP
/// must equal what the chat client and embedding generator produce when called directly.
/// </summary>
public sealed class OnnxApiTests(OnnxModelServer fixture) : IClassFixture<OnnxModelServer>
{
    private const int MaxTokens = 8;
    private const string System = "You help students.";
    private const string Question = "What is retrieval?";

    [Fact]
    public async Task OpenAI_client_chat_completion_equals_the_local_model_output()
    {
        var chat = OpenAIClients.For(fixture.Server).GetChatClient(OnnxModelServer.ChatModelId);
        var expected = await DirectResponseAsync();

        ChatCompletion completion = await chat.CompleteChatAsync(
            [new SystemChatMessage(System), new UserChatMessage(Question)], new ChatCompletionOptions { MaxOutputTokenCount = MaxTokens });

        Assert.Equal(expected.Text, completion.Content.Single().Text);
        Assert.Equal(expected.Usage!.InputTokenCount, completion.Usage.InputTokenCount);
        Assert.Equal(expected.Usage.OutputTokenCount, completion.Usage.OutputTokenCount);
        var expectedFinish = expected.FinishReason == Microsoft.Extensions.AI.ChatFinishReason.Length
            ? global::OpenAI.Chat.ChatFinishReason.Length
            : global::OpenAI.Chat.ChatFinishReason.Stop;
        Assert.Equal(expectedFinish, completion.FinishReason);
        Assert.Equal(OnnxModelServer.ChatModelId, completion.Model);
    }

    [Fact]
    public async Task OpenAI_client_streaming_equals_the_local_model_output()
    {
        var chat = OpenAIClients.For(fixture.Server).GetChatClient(OnnxModelServer.ChatModelId);
        var expected = await DirectResponseAsync();
        var pieces = new List<string>();
        ChatTokenUsage? usage = null;

        await foreach (var update in chat.CompleteChatStreamingAsync(
            [new SystemChatMessage(System), new UserChatMessage(Question)], new ChatCompletionOptions { MaxOutputTokenCount = MaxTokens }))
        {
            pieces.AddRange(update.ContentUpdate.Select(part => part.Text));
            usage = update.Usage ?? usage;
        }

        Assert.Equal(expected.Text, string.Concat(pieces));
        Assert.True(pieces.Count(p => p.Length > 0) > 1, "the reply should arrive in several chunks");
        Assert.Equal(expected.Usage!.OutputTokenCount, usage!.OutputTokenCount);
    }

    [Fact]
    public async Task OpenAI_client_embeddings_equal_the_local_encoder_output()
    {
        var embeddings = OpenAIClients.For(fixture.Server).GetEmbeddingClient(OnnxModelServer.EmbeddingModelId);
        string[] texts = ["students ask questions", "the teacher explains"];
        var generator = fixture.Server.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var expected = await generator.GenerateAsync(texts);

        var result = (await embeddings.GenerateEmbeddingsAsync(texts)).Value;

        Assert.Equal(expected.Select(e => e.Vector.ToArray()), result.Select(e => e.ToFloats().ToArray()));
    }

    [Fact]
    public async Task Semantic_kernel_chat_completion_and_streaming_equal_the_local_model_output()
    {
        var chat = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(OnnxModelServer.ChatModelId, fixture.Server.V1, apiKey: "no-key-configured")
            .Build()
            .GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory(System);
        history.AddUserMessage(Question);
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = MaxTokens };
        var expected = await DirectResponseAsync();

        var reply = await chat.GetChatMessageContentAsync(history, settings);
        var streamed = new List<string>();
        await foreach (var update in chat.GetStreamingChatMessageContentsAsync(history, settings))
        {
            streamed.Add(update.Content ?? "");
        }

        Assert.Equal(expected.Text, reply.Content);
        Assert.Equal(expected.Text, string.Concat(streamed));
    }

    [Fact]
    public async Task A_prompt_longer_than_the_model_context_is_a_400_that_says_so()
    {
        var longText = string.Join(' ', Enumerable.Repeat("retrieval", OnnxModelServer.ContextTokens));

        using var response = await fixture.Server.Http.SendAsync(HttpHelpers.Post("v1/chat/completions",
            $$"""{"model":"{{OnnxModelServer.ChatModelId}}","messages":[{"role":"user","content":"{{longText}}"}]}"""));

        var error = await response.AssertOpenAIErrorAsync(400, param: "prompt");
        Assert.Contains("context", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rag_api_answers_generatively_with_the_local_models()
    {
        await using var rag = await RagServer.StartAsync(new Dictionary<string, string?>
        {
            ["Answering:Mode"] = "Generative",
            ["Models:Generator:Path"] = fixture.DecoderPath,
            ["Models:Generator:IntraOpThreads"] = "1",
            ["Models:Generator:Generation:MaxNewTokens"] = "12",
            ["Models:Embedding:Path"] = fixture.EncoderPath,
            ["Models:Embedding:IntraOpThreads"] = "1",
        });

        using var whole = await rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":"What does self-attention let every token do?","topK":1}"""));
        using var stream = await rag.Http.PostAsync("api/ask/stream", HttpHelpers.Json("""{"question":"What does self-attention let every token do?","topK":1}"""));
        var answer = await whole.ReadJsonAsync();
        var events = await stream.ReadEventsAsync();

        Assert.Equal(200, (int)whole.StatusCode);
        Assert.Equal("generative", answer.GetProperty("mode").GetString());
        Assert.Single(answer.GetProperty("context").EnumerateArray());
        var streamedAnswer = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal("answer", events[^1].EventType);
        Assert.Equal(answer.GetProperty("answer").GetString(), streamedAnswer.GetProperty("answer").GetString());
        var deltas = events.Where(e => e.EventType == "delta").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString());
        Assert.Equal(streamedAnswer.GetProperty("answer").GetString(), string.Concat(deltas).Trim());
    }

    private Task<ChatResponse> DirectResponseAsync() =>
        fixture.Server.Services.GetRequiredService<IChatClient>().GetResponseAsync(
            [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, Question)],
            new ChatOptions { MaxOutputTokens = MaxTokens });
}
