using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace RagPlatform.Api.Tests.Infrastructure;

internal static class OpenAIClients
{
    /// <summary>The official OpenAI client pointed at <paramref name="server"/>, without retries so failures show at once.</summary>
    public static OpenAIClient For(ApiServer server, string apiKey = "no-key-configured") =>
        new(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = server.V1, RetryPolicy = new ClientRetryPolicy(0) });
}
