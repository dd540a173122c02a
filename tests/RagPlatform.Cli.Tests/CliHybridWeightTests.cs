using System.Text.Json;

namespace RagPlatform.Cli.Tests;

public sealed class CliHybridWeightTests
{
    private const string Tokenization =
        "# Tokenization\n\nByte-pair encoding merges the most frequent pair of symbols again and again until the vocabulary is full.\n";

    [Theory]
    [InlineData("0")]
    [InlineData("0.3")]
    [InlineData("1")]
    public async Task Ask_accepts_a_hybrid_weight_from_0_to_1(string weight)
    {
        using var cli = new CliRun();
        cli.WriteDocument("tokenization.md", Tokenization);
        await cli.RunAsync("ingest", cli.DocumentsPath);

        var result = await cli.RunAsync("ask", "How does byte-pair encoding build the vocabulary?", "--hybrid-weight", weight, "--json");

        Assert.Equal(0, result.ExitCode);
        using var answer = JsonDocument.Parse(result.Output);
        Assert.False(answer.RootElement.GetProperty("abstained").GetBoolean());
    }

    [Theory]
    [InlineData("ask", "1.5")]
    [InlineData("chat", "-0.1")]
    public async Task A_hybrid_weight_outside_0_to_1_is_rejected_with_its_range(string command, string weight)
    {
        using var cli = new CliRun();

        var result = await cli.RunWithInputAsync("What is BPE?\n/exit\n", command == "ask" ? [command, "What is BPE?", "--hybrid-weight", weight] : [command, "--hybrid-weight", weight]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--hybrid-weight must be between 0 (keyword only) and 1 (semantic only), got {weight}.", result.Error, StringComparison.Ordinal);
    }
}
