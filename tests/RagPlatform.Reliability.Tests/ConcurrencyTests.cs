using RagPlatform.Reliability.Concurrency;
using Xunit.Abstractions;

namespace RagPlatform.Reliability.Tests;

public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Questions_are_answered_from_the_existing_documents_while_ingestion_runs()
    {
        var result = await ConcurrencyScenario.RunAsync(new ConcurrencyOptions(Documents: 120, Askers: 2), output.WriteLine, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(0, result.Errors);
        Assert.True(result.Answered > 0, "No question was answered while ingestion ran.");
        Assert.True(result.AnsweredFromSampleCorpus > 0);
        Assert.Equal(result.DocumentsToIngest, result.DocumentsIngested);
        Assert.True(result.ToReport().Passed);
    }
}
