using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace RagPlatform.Api.Tests.Infrastructure;

/// <summary>A server whose chat client and embedding generator are the deterministic fakes, shared by a test class.</summary>
public sealed class FakeModelServer : IAsyncLifetime
{
    private ApiServer? _server;

    internal EchoChatClient Chat { get; } = new();

    internal HashEmbeddingGenerator Embeddings { get; } = new();

    internal ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(configureServices: (services, _) =>
        {
            services.AddChatClient(Chat);
            services.AddEmbeddingGenerator(Embeddings);
        });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
