using RagPlatform.Reliability.BadInputs;
using Xunit.Abstractions;

namespace RagPlatform.Reliability.Tests;

public sealed class BadInputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_bad_input_is_reported_or_defused_while_the_good_files_go_in_and_the_store_stays_intact()
    {
        var result = await BadInputScenario.RunAsync(
            new BadInputOptions(MaxFileBytes: 2 * 1024 * 1024, InlineDataBytes: 1024 * 1024, NestingDepth: 60),
            output.WriteLine,
            CancellationToken.None);

        Assert.All(result.Outcomes, outcome => Assert.True(outcome.HandledCleanly, $"{outcome.Input.Kind}: {outcome.Outcome}"));
        Assert.True(result.Outcomes.Count >= 20, $"Only {result.Outcomes.Count} bad inputs were tried.");
        Assert.Equal(result.GoodFiles, result.GoodFilesIngested);
        Assert.True(result.EarlierDocumentsIntact);
        Assert.Empty(result.StoreProblems);
        Assert.InRange(result.PeakWorkingSetGrowthBytes, long.MinValue, result.PeakMemoryGrowthLimitBytes);
        Assert.True(result.ToReport().Passed, string.Join("\n", result.ToReport().Failures));
    }
}
