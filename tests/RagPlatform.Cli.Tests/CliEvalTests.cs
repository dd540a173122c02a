using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace RagPlatform.Cli.Tests;

public sealed class CliEvalTests
{
    private const string Tokenization =
        "# Tokenization\n\nTokenization splits text into subword tokens before a model sees it. " +
        "Byte-pair encoding merges the most frequent pair of symbols again and again until the vocabulary is full.\n";

    private const string Lora =
        "# LoRA\n\nLoRA freezes the original model weights and trains two small low-rank matrices. " +
        "This way the number of trained parameters drops sharply.\n";

    private const string Dataset =
        """
        {"id":"q1","question":"What does byte-pair encoding merge?","answers":["the most frequent pair of symbols"],"passages":[{"source":"tokenization.md","text":"Byte-pair encoding merges the most frequent pair of symbols again and again until the vocabulary is full."}],"language":"en","tags":["tokenization"]}
        {"id":"q2","question":"What does LoRA train?","answers":["two small low-rank matrices"],"passages":[{"source":"lora.md","text":"LoRA freezes the original model weights and trains two small low-rank matrices."}],"language":"en","tags":["lora"]}
        {"id":"q3","question":"Who won the football world cup in 2018?","answers":[],"answerable":false,"language":"en","tags":["unanswerable"]}
        """;

    [Fact]
    public async Task Run_writes_the_reports_and_prints_the_headline_metrics()
    {
        using var cli = await IndexedAsync();

        var result = await cli.RunAsync("eval", "run", WriteDataset(cli), "--out", Path.Combine(cli.Root, "run-a"));

        Assert.Equal(0, result.ExitCode);
        foreach (var file in new[] { "run.json", "report.md", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(cli.Root, "run-a", file)), file);
        }

        Assert.Contains("f1", result.Console, StringComparison.Ordinal);
        Assert.Contains("abstention_correct", result.Console, StringComparison.Ordinal);
        Assert.Contains("3 questions, 0 failed", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_defaults_to_a_folder_under_the_store_and_reports_json()
    {
        using var cli = await IndexedAsync();

        var result = await cli.RunAsync("eval", "run", WriteDataset(cli), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var runId = json.RootElement.GetProperty("runId").GetString()!;
        Assert.True(File.Exists(Path.Combine(cli.StorePath, "eval-runs", runId, "report.html")));
        Assert.Equal(1.0, json.RootElement.GetProperty("metrics").GetProperty("abstention_correct").GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task Compare_reports_the_changes_between_two_runs_and_writes_the_comparison()
    {
        using var cli = await IndexedAsync();
        var dataset = WriteDataset(cli);
        await cli.RunAsync("eval", "run", dataset, "--out", Path.Combine(cli.Root, "run-a"), "--top-k", "1");
        await cli.RunAsync("eval", "run", dataset, "--out", Path.Combine(cli.Root, "run-b"), "--top-k", "5");

        var result = await cli.RunAsync("eval", "compare", Path.Combine(cli.Root, "run-a"), Path.Combine(cli.Root, "run-b"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("regressions", result.Console, StringComparison.Ordinal);
        Assert.Contains("f1", result.Console, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cli.Root, "run-b", "comparison.html")));
    }

    [Fact]
    public async Task Compare_of_a_missing_run_names_the_folder()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("eval", "compare", Path.Combine(cli.Root, "nope-a"), Path.Combine(cli.Root, "nope-b"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope-a", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exported_rating_sheets_filled_by_two_raters_import_back_into_the_run()
    {
        using var cli = await IndexedAsync();
        var runDir = Path.Combine(cli.Root, "run-a");
        await cli.RunAsync("eval", "run", WriteDataset(cli), "--out", runDir);
        var sheet = Path.Combine(cli.Root, "ratings.csv");

        var export = await cli.RunAsync("eval", "export-ratings", runDir, "--out", sheet);
        var first = Fill(sheet, Path.Combine(cli.Root, "alice.csv"), "alice", hallucination: "no");
        var second = Fill(sheet, Path.Combine(cli.Root, "budi.csv"), "budi", hallucination: "yes");
        var import = await cli.RunAsync("eval", "import-ratings", runDir, first, second);

        Assert.Equal(0, export.ExitCode);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Imported 6 ratings", import.Console, StringComparison.Ordinal);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")));
        var ratings = run.RootElement.GetProperty("humanRatings").EnumerateArray().ToList();
        Assert.Equal(6, ratings.Count);
        Assert.Equal(3, ratings.Count(r => r.GetProperty("rater").GetString() == "budi" && r.GetProperty("hallucination").GetBoolean()));
    }

    [Fact]
    public async Task Import_of_a_sheet_with_an_invalid_rating_exits_2_naming_the_problem()
    {
        using var cli = await IndexedAsync();
        var runDir = Path.Combine(cli.Root, "run-a");
        await cli.RunAsync("eval", "run", WriteDataset(cli), "--out", runDir);
        var sheet = Path.Combine(cli.Root, "ratings.csv");
        await cli.RunAsync("eval", "export-ratings", runDir, "--out", sheet);
        var filled = Fill(sheet, Path.Combine(cli.Root, "bad.csv"), "alice", hallucination: "maybe");

        var result = await cli.RunAsync("eval", "import-ratings", runDir, filled);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrieval_scores_a_beir_dataset_in_a_scratch_store()
    {
        using var cli = new CliRun();
        var beir = Path.Combine(cli.Root, "beir");
        Directory.CreateDirectory(Path.Combine(beir, "qrels"));
        File.WriteAllLines(Path.Combine(beir, "corpus.jsonl"),
        [
            """{"_id":"d1","title":"Tokenization","text":"Byte-pair encoding merges frequent symbol pairs into subword tokens."}""",
            """{"_id":"d/2","title":"LoRA","text":"Low-rank adaptation freezes weights and trains small adapter matrices."}""",
            """{"_id":"d3","title":"Attention","text":"Self-attention lets every token weigh every other token in the sequence."}""",
        ]);
        File.WriteAllLines(Path.Combine(beir, "queries.jsonl"),
        [
            """{"_id":"q1","text":"byte-pair encoding subword tokens"}""",
            """{"_id":"q2","text":"low-rank adapter matrices"}""",
            """{"_id":"q3","text":"unjudged query about attention"}""",
        ]);
        File.WriteAllLines(Path.Combine(beir, "qrels", "test.tsv"), ["query-id\tcorpus-id\tscore", "q1\td1\t1", "q2\td/2\t1"]);

        var result = await cli.RunAsync("eval", "retrieval", beir, "--top-k", "2", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var means = json.RootElement.GetProperty("means");
        Assert.Equal(1.0, means.GetProperty("hit@2").GetDouble());
        Assert.Equal(1.0, means.GetProperty("mrr").GetDouble());
        Assert.Equal(1.0, means.GetProperty("ndcg@2").GetDouble());
        var queries = json.RootElement.GetProperty("queries").EnumerateArray().ToList();
        Assert.Equal(2, queries.Count);
        Assert.Equal("d/2", queries.Single(q => q.GetProperty("queryId").GetString() == "q2").GetProperty("rankedDocumentIds")[0].GetString());
        Assert.False(Directory.Exists(cli.StorePath));
    }

    private static async Task<CliRun> IndexedAsync()
    {
        var cli = new CliRun();
        cli.WriteDocument("tokenization.md", Tokenization);
        cli.WriteDocument("lora.md", Lora);
        await cli.RunAsync("ingest", cli.DocumentsPath);
        return cli;
    }

    private static string WriteDataset(CliRun cli)
    {
        var path = Path.Combine(cli.Root, "dataset.jsonl");
        File.WriteAllText(path, Dataset);
        return path;
    }

    /// <summary>Fills every row of an exported sheet as one rater would, into a new file.</summary>
    private static string Fill(string sheet, string filled, string rater, string hallucination)
    {
        using (var reader = new CsvReader(new StreamReader(sheet), CultureInfo.InvariantCulture))
        using (var writer = new CsvWriter(new StreamWriter(filled), CultureInfo.InvariantCulture))
        {
            reader.Read();
            reader.ReadHeader();
            var header = reader.HeaderRecord!;
            foreach (var column in header)
            {
                writer.WriteField(column);
            }

            writer.NextRecord();
            while (reader.Read())
            {
                foreach (var column in header)
                {
                    writer.WriteField(column switch
                    {
                        "correctness_1_5" => "4",
                        "hallucination_yes_no" => hallucination,
                        "rater" => rater,
                        _ => reader.GetField(column),
                    });
                }

                writer.NextRecord();
            }
        }

        return filled;
    }
}
