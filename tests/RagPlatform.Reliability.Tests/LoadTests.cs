using RagPlatform.Reliability.Load;
using Xunit.Abstractions;

namespace RagPlatform.Reliability.Tests;

public sealed class LoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Both_endpoints_answer_every_request_under_concurrent_load_with_stable_memory()
    {
        var result = await LoadScenario.RunAsync(
            new LoadOptions(Requests: 100, Clients: 4, MaxDuration: TimeSpan.FromSeconds(60), MemoryTolerance: 0.5),
            output.WriteLine,
            CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.True(result.FinishedInTime);
        Assert.Equal(result.RequestsPlanned, result.Completed);
        Assert.Equal(0, result.Errors);
        Assert.All(result.Endpoints, endpoint => Assert.True(endpoint.Latency.Count > 0 && endpoint.Latency.P95Milliseconds >= endpoint.Latency.P50Milliseconds));
        Assert.Equal([LoadScenario.AskEndpoint, LoadScenario.ChatEndpoint], result.Endpoints.Select(endpoint => endpoint.Endpoint));
        Assert.True(result.MemoryStable, $"Managed memory grew from {result.Start} to {result.End}.");
        Assert.True(result.ToReport().Passed);
    }
}
