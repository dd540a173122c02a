using Microsoft.Extensions.DependencyInjection;
using RagPlatform.Api.Tests.Infrastructure;
using RagPlatform.Onnx;
using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Api.Tests.Onnx;

/// <summary>
/// The real ONNX runtime behind the API: a tiny Llama decoder (byte-level BPE, ChatML) and a tiny BERT encoder with
/// random, seed-deterministic weights, written to a temporary folder for the test class.
/// </summary>
public sealed class OnnxModelServer : IAsyncLifetime
{
    public const string ChatModelId = "tiny-llama";
    public const string EmbeddingModelId = "tiny-bert";
    public const int ContextTokens = 4096;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ragp-api-onnx", Guid.NewGuid().ToString("N"));
    private ApiServer? _server;

    internal ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public string DecoderPath => Path.Combine(_root, "decoder");

    public string EncoderPath => Path.Combine(_root, "encoder");

    public async Task InitializeAsync()
    {
        // Room for the prompt library's full RAG prompt (about 1,400 tokens with one passage on this small vocabulary).
        TestModelFactory.WriteDecoderFolder(DecoderPath, new DecoderSpec(MaxPositions: ContextTokens), TestTokenizerKind.ByteLevelBpe);
        TestModelFactory.WriteEncoderFolder(EncoderPath, new EncoderSpec());
        _server = await ApiServer.StartAsync(configureServices: (services, _) => AddModels(services));
    }

    /// <summary>Registers the test models the way a host configures ONNX models.</summary>
    public void AddModels(IServiceCollection services) =>
        services
            .AddOnnxChatClient(DecoderPath, options =>
            {
                options.ModelId = ChatModelId;
                options.IntraOpThreads = 1;
            })
            .AddOnnxEmbeddingGenerator(EncoderPath, options =>
            {
                options.ModelId = EmbeddingModelId;
                options.IntraOpThreads = 1;
            });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }
}
