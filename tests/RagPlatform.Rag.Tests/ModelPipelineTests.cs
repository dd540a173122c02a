using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel.ChatCompletion;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Storage;
using RagPlatform.Onnx.TestModels;
using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Rag.Tests;

/// <summary>
/// The pipeline with local ONNX models configured: the suite's own small BERT encoder and Llama decoder (random
/// weights, so the text is meaningless — what is checked is the wiring, the vectors and the citations' integrity).
/// </summary>
public sealed class ModelPipelineTests : IAsyncLifetime
{
    private readonly string _models = Path.Combine(Path.GetTempPath(), "ragp-model-tests", Guid.NewGuid().ToString("N"));
    private TestPlatform _platform = null!;

    public Task InitializeAsync()
    {
        TestModelFactory.WriteEncoderFolder(Path.Combine(_models, "encoder"), new EncoderSpec());
        TestModelFactory.WriteDecoderFolder(Path.Combine(_models, "decoder"), new DecoderSpec(MaxPositions: 4096), TestTokenizerKind.ByteLevelBpe);
        _platform = TestPlatform.Create(new Dictionary<string, string?>
        {
            ["Models:Embedding:Path"] = Path.Combine(_models, "encoder"),
            ["Models:Generator:Path"] = Path.Combine(_models, "decoder"),
            ["Models:Generator:Generation:MaxNewTokens"] = "24",
        });
        _platform.WriteDocument("attention.md", "# Attention\n\nSelf-attention lets every token look at every other token in the sequence.\n");
        _platform.WriteDocument("lora.md", "# LoRA\n\nLoRA trains two small low-rank matrices while the original weights stay frozen.\n");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Ingestion_stores_vectors_under_the_model_signature()
    {
        var report = await _platform.Get<DocumentIngestionService>().IngestAsync([_platform.DocumentsPath]);

        Assert.Equal(2, report.Added);
        var signature = await _platform.Get<IChunkStore>().GetEmbeddingSignatureAsync();
        Assert.NotNull(signature);
        Assert.Equal(new EncoderSpec().HiddenSize, signature.Dimensions);
        Assert.Equal(_platform.Get<IEmbeddingGenerator<string, Embedding<float>>>().GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId, signature.ModelId);
    }

    [Fact]
    public async Task Kernel_with_local_models_answers_through_the_pipeline()
    {
        await _platform.Get<DocumentIngestionService>().IngestAsync([_platform.DocumentsPath]);
        var kernel = _platform.Get<Microsoft.SemanticKernel.Kernel>();
        Assert.NotNull(kernel.GetRequiredService<IChatCompletionService>());

        var updates = new List<AnswerUpdate>();
        await foreach (var update in _platform.Get<IQuestionAnswerer>().AskStreamingAsync(new AskRequest("What does self-attention do?")))
        {
            updates.Add(update);
        }

        var answer = updates[^1].Completed!;
        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.NotEmpty(answer.Context);
        Assert.All(answer.Citations, c => Assert.InRange(c.Number, 1, answer.Context.Count));
        Assert.Equal(answer.Text, string.Concat(updates.Select(u => u.TextDelta)).Trim());
    }

    [Fact]
    public async Task Extractive_mode_stays_available_with_a_generator_configured()
    {
        await using var platform = TestPlatform.Create(new Dictionary<string, string?>
        {
            ["Models:Generator:Path"] = Path.Combine(_models, "decoder"),
            ["Answering:Mode"] = "Extractive",
        });
        platform.WriteDocument("attention.md", "# Attention\n\nSelf-attention lets every token look at every other token in the sequence.\n");
        await platform.Get<DocumentIngestionService>().IngestAsync([platform.DocumentsPath]);

        var answer = await platform.Get<IQuestionAnswerer>().AskAsync(new AskRequest("What is self-attention?"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("Self-attention lets every token look at every other token in the sequence. [1]", answer.Text, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }
}
