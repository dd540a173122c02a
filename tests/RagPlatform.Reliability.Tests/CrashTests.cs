using RagPlatform.Reliability.Crash;
using Xunit.Abstractions;

namespace RagPlatform.Reliability.Tests;

public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killed_ingestion_never_damages_the_store_or_loses_a_document_and_readers_keep_working()
    {
        var result = await CrashScenario.RunAsync(new CrashOptions(Kills: 5, Documents: 50, Readers: 2), output.WriteLine, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(result.Kills, result.KillsSurvived);
        Assert.True(result.KillsDuringIngestion > 0, "No kill hit a running ingestion.");
        Assert.Equal(0, result.DocumentsLost);
        Assert.Equal(0, result.IncompleteDocuments);
        Assert.True(result.FinalRunSucceeded);
        Assert.True(result.FinalDoctorHealthy);
        Assert.Equal((result.ExpectedDocuments, 0), (result.FinalDocuments, result.StrayDocuments));
        Assert.True(result.Reads > 0);
        Assert.Equal(0, result.ReaderErrors);
        Assert.True(result.ToReport().Passed);
    }
}
