using System.Text.Json;

namespace RagPlatform.Cli.Tests;

public sealed class CliExperimentTests
{
    private const string Dataset =
        """
        {"id":"q1","question":"What does byte-pair encoding merge?","answers":["the most frequent pair of symbols"],"passages":[{"source":"tokenization.md","text":"Byte-pair encoding merges the most frequent pair of symbols again and again until the vocabulary is full."}],"language":"en"}
        {"id":"q2","question":"What does LoRA train?","answers":["two small low-rank matrices"],"passages":[{"source":"lora.md","text":"LoRA freezes the original model weights and trains two small low-rank matrices."}],"language":"en"}
        {"id":"q3","question":"Who won the football world cup in 2018?","answers":[],"answerable":false,"language":"en"}
        """;

    private const string Experiment =
        """
        name: cli-experiment
        dataset: qa.jsonl
        corpus: docs
        seed: 1
        retrieval:
          - name: top1
            mode: keyword
            topK: 1
          - name: top3
            mode: keyword
            topK: 3
        models:
          - name: extractive
        """;

    [Fact]
    public async Task Run_shows_the_cells_and_writes_the_reports_under_the_store_and_a_second_run_resumes()
    {
        using var cli = Workspace(out var file);

        var first = await cli.RunAsync("experiment", "run", file);
        var second = await cli.RunAsync("experiment", "run", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("extractive+top3+default", first.Console, StringComparison.Ordinal);
        Assert.Contains("6 answers now, 0 resumed", first.Console, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cli.StorePath, "experiments", "cli-experiment", "summary.html")));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 answers now, 6 resumed", second.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_names_the_winners_and_writes_the_comparison_as_json_too()
    {
        using var cli = Workspace(out var file);
        var output = Path.Combine(cli.Root, "experiment-out");
        var run = await cli.RunAsync("experiment", "run", file, "--output", output, "--json");

        var compare = await cli.RunAsync("experiment", "compare", output, "--baseline", "extractive+top3+default");
        var json = await cli.RunAsync("experiment", "compare", output, "--json");

        Assert.Equal(0, run.ExitCode);
        using (var summary = JsonDocument.Parse(run.Output))
        {
            Assert.Equal(2, summary.RootElement.GetProperty("summary").GetProperty("cells").GetArrayLength());
        }

        Assert.Equal(0, compare.ExitCode);
        Assert.Contains("Baseline extractive+top3+default", compare.Console, StringComparison.Ordinal);
        Assert.Contains("★", compare.Console, StringComparison.Ordinal);
        Assert.Contains("abstention_correct", compare.Console, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "comparison.md")));
        using var comparison = JsonDocument.Parse(json.Output);
        Assert.Equal("extractive+top1+default", comparison.RootElement.GetProperty("comparison").GetProperty("baselineCellId").GetString());
    }

    [Fact]
    public async Task An_invalid_experiment_exits_2_naming_the_field()
    {
        using var cli = Workspace(out var file);
        File.WriteAllText(file, Experiment.Replace("topK: 3", "topK: 300", StringComparison.Ordinal));

        var result = await cli.RunAsync("experiment", "run", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("retrieval[1].topK: expected a whole number from 1 to 100, got '300'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_of_a_folder_without_an_experiment_says_so()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("experiment", "compare", cli.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No experiment in", result.Error, StringComparison.Ordinal);
    }

    private static CliRun Workspace(out string experimentFile)
    {
        var cli = new CliRun();
        cli.WriteDocument("tokenization.md", "# Tokenization\n\nByte-pair encoding merges the most frequent pair of symbols again and again until the vocabulary is full.\n");
        cli.WriteDocument("lora.md", "# LoRA\n\nLoRA freezes the original model weights and trains two small low-rank matrices.\n");
        File.WriteAllText(Path.Combine(cli.Root, "qa.jsonl"), Dataset);
        experimentFile = Path.Combine(cli.Root, "experiment.yaml");
        File.WriteAllText(experimentFile, Experiment);
        return cli;
    }
}
