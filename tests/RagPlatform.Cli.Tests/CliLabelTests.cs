using System.Text.Json;

namespace RagPlatform.Cli.Tests;

public sealed class CliLabelTests
{
    private const string Attention = "# Attention\n\nSelf-attention relates every token of a sentence to every other token of it.\n";
    private const string Patches = "# Patches\n\nVision transformers apply attention to image patches instead of tokens.\n";

    [Fact]
    public async Task Ingest_labels_are_listed_shown_and_filter_ask()
    {
        using var cli = new CliRun();
        var attention = cli.WriteDocument("attention.md", Attention);
        var patches = cli.WriteDocument("patches.md", Patches);

        Assert.Equal(0, (await cli.RunAsync("ingest", attention, "--tag", "course:nlp", "--tag", "week3", "--meta", "owner=tim")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("ingest", patches, "--tag", "course:cv", "--meta", "owner=ana")).ExitCode);

        var list = await cli.RunAsync("docs", "list", "--json");
        using (var documents = JsonDocument.Parse(list.Output))
        {
            var labelled = documents.RootElement.EnumerateArray().Single(d => d.GetProperty("title").GetString() == "Attention");
            Assert.Equal(["course:nlp", "week3"], labelled.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
            Assert.Equal("tim", labelled.GetProperty("metadata").GetProperty("owner").GetString());
        }

        var table = await cli.RunAsync("docs", "list");
        Assert.Contains("course:nlp, week3", table.Console, StringComparison.Ordinal);
        var show = await cli.RunAsync("docs", "show", patches);
        Assert.Contains("owner=ana", show.Console, StringComparison.Ordinal);

        var ask = await cli.RunAsync("ask", "What does attention apply to?", "--tag", "course:cv", "--meta", "owner=ana", "--json");
        Assert.Equal(0, ask.ExitCode);
        using var answer = JsonDocument.Parse(ask.Output);
        var sources = answer.RootElement.GetProperty("context").EnumerateArray()
            .Select(scored => scored.GetProperty("chunk").GetProperty("sourcePath").GetString()).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.EndsWith("patches.md", source, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ingest", "--meta", "owner", "--meta: 'owner' is not of the form key=value")]
    [InlineData("ingest", "--tag", "", "--tag: a tag is empty")]
    [InlineData("ask", "--meta", "a.b=c", "--meta: metadata key 'a.b' is invalid")]
    public async Task Malformed_labels_fail_with_a_message_naming_the_option(string command, string option, string value, string expected)
    {
        using var cli = new CliRun();
        var path = cli.WriteDocument("attention.md", Attention);
        string[] arguments = command == "ingest" ? ["ingest", path, option, value] : ["ask", "What is attention?", option, value];

        var result = await cli.RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
