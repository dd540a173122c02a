using RagPlatform.Reliability.Security;
using Xunit.Abstractions;

namespace RagPlatform.Reliability.Tests;

public sealed class SecurityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_endpoint_needs_the_key_and_traversal_oversize_xss_and_bursts_are_refused()
    {
        var result = await SecurityScenario.RunAsync(new SecurityOptions(RateLimitPermits: 5, RateLimitExtraRequests: 3), output.WriteLine, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.True(result.ProtectedEndpoints >= 10, $"Only {result.ProtectedEndpoints} protected endpoints were found.");
        Assert.Equal(result.ProtectedEndpoints, result.ProtectedEndpointsEnforcingTheKey);
        Assert.Equal(result.PublicEndpoints, result.PublicEndpointsOpen);
        Assert.Equal(0, result.FilesOutsideUploads);
        Assert.Equal(result.OversizeRequests, result.OversizeRejected);
        Assert.Equal(result.XssResponses, result.XssResponsesServedAsJson);
        Assert.Equal((5, 3), (result.RateLimitAllowed, result.RateLimitRejected));
        Assert.True(result.OtherKeyUnaffected);
        Assert.True(result.ToReport().Passed);
    }
}
