using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using RagPlatform.Core.Generation;

namespace RagPlatform.Onnx.Tests;

[Collection(ModelFolderCollection.Name)]
public sealed class RegistrationTests(ModelFolders folders)
{
    [Fact]
    public async Task Kernel_resolves_chat_completion_that_streams_the_chat_client_text()
    {
        var kernel = Kernel.CreateBuilder()
            .AddOnnxChatClient(folders.BpeDecoder, options => options.IntraOpThreads = 1)
            .AddOnnxEmbeddingGenerator(folders.Encoder, options => options.IntraOpThreads = 1)
            .Build();
        using var services = (IDisposable)kernel.Services;
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory("You help students.");
        history.AddUserMessage("What is retrieval?");
        var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 8 } };

        var streamed = await chat.GetStreamingChatMessageContentsAsync(history, settings, kernel).ToListAsync();
        var whole = await chat.GetChatMessageContentAsync(history, settings, kernel);
        var direct = await kernel.GetRequiredService<IChatClient>().GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You help students."), new ChatMessage(ChatRole.User, "What is retrieval?")],
            new ChatOptions { MaxOutputTokens = 8 });

        Assert.True(streamed.Count > 1);
        Assert.Equal(direct.Text, string.Concat(streamed.Select(update => update.Content)));
        Assert.Equal(direct.Text, whole.Content);
        var embeddings = await kernel.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["students"]);
        Assert.Equal(folders.EncoderSpec.HiddenSize, embeddings[0].Dimensions);
    }

    [Fact]
    public async Task Chat_client_and_text_scorer_share_one_loaded_model()
    {
        var services = new ServiceCollection().AddOnnxChatClient(folders.SentencePieceDecoder, options => options.IntraOpThreads = 1);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IChatClient>();
        var scorer = provider.GetRequiredService<ITextScorer>();
        var score = await scorer.ScoreAsync("the teacher", " explains");

        Assert.Same(provider.GetRequiredService<OnnxChatClient>(), client.GetService<OnnxChatClient>());
        Assert.NotEmpty(score.Tokens);
        Assert.True(score.Perplexity > 1);
    }

    [Fact]
    public void Invalid_options_fail_when_the_service_is_resolved()
    {
        var services = new ServiceCollection().AddOnnxEmbeddingGenerator(folders.Encoder, options => options.BatchSize = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());

        Assert.Contains("OnnxModelOptions.BatchSize must be positive.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verifier_reports_an_encoder()
    {
        var result = await new ModelVerifier().VerifyAsync(folders.Encoder);

        Assert.Equal(ModelTask.Embedding, result.Task);
        Assert.Equal("bert", result.ModelType);
        Assert.Equal(folders.EncoderSpec.HiddenSize, result.Dimensions);
        Assert.Equal(folders.EncoderSpec.VocabSize, result.VocabularySize);
        Assert.Equal("WordPiece", result.Tokenizer);
        Assert.Equal("CPU", result.Provider);
        Assert.True(result.ProbeTokens > 10);
        Assert.True(result.TokensPerSecond > 0);
        Assert.Null(result.SampleText);
    }

    [Fact]
    public async Task Verifier_reports_a_decoder()
    {
        var result = await new ModelVerifier().VerifyAsync(folders.BpeDecoder, ExecutionProvider.Auto);

        Assert.Equal(ModelTask.Generation, result.Task);
        Assert.Equal("llama", result.ModelType);
        Assert.Null(result.Dimensions);
        Assert.Equal(folders.DecoderSpec.VocabSize, result.VocabularySize);
        Assert.Equal("ByteLevelBpe", result.Tokenizer);
        Assert.Equal("CPU", result.Provider);
        Assert.InRange(result.ProbeTokens, 1, 16);
        Assert.NotNull(result.SampleText);
    }

    [Fact]
    public async Task Verifier_passes_on_folder_errors()
    {
        using var empty = new TempDirectory();

        var error = await Assert.ThrowsAsync<ModelFolderException>(() => new ModelVerifier().VerifyAsync(empty.Path));

        Assert.Contains("config.json not found", error.Message, StringComparison.Ordinal);
    }
}
