using System.Text.Json;

namespace RagPlatform.Cli.Tests;

public sealed class CliCommandTests
{
    private const string Tokenization =
        "# Tokenization\n\nTokenization splits text into subword tokens before a model sees it. " +
        "Byte-pair encoding merges the most frequent pair of symbols again and again until the vocabulary is full.\n";

    private const string Lora =
        "# LoRA\n\nLoRA membekukan bobot model asli dan melatih dua matriks kecil berperingkat rendah. " +
        "Dengan cara ini jumlah parameter yang dilatih turun drastis.\n";

    [Fact]
    public async Task Ask_on_an_empty_store_indexes_the_sample_corpus_and_prints_a_cited_answer()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("ask", "Apa itu self-attention?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sample corpus", result.Console, StringComparison.Ordinal);
        Assert.Contains("[1]", result.Console, StringComparison.Ordinal);
        Assert.Contains("Sumber", result.Console, StringComparison.Ordinal);
        Assert.Contains("data/corpus", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswerable_question_says_the_documents_do_not_contain_it()
    {
        using var cli = new CliRun();
        cli.WriteDocument("tokenization.md", Tokenization);
        await cli.RunAsync("ingest", cli.DocumentsPath);

        var result = await cli.RunAsync("ask", "Who won the football world cup in 2018?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("The documents do not contain an answer to this question.", result.Console, StringComparison.Ordinal);
        Assert.Contains("Not found in the documents", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_list_show_and_remove_round_trip()
    {
        using var cli = new CliRun();
        cli.WriteDocument("tokenization.md", Tokenization);
        cli.WriteDocument("lora.md", Lora);

        var ingest = await cli.RunAsync("ingest", cli.DocumentsPath);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("2 added, 0 updated, 0 unchanged", ingest.Console, StringComparison.Ordinal);

        var again = await cli.RunAsync("ingest", cli.DocumentsPath);
        Assert.Contains("0 added, 0 updated, 2 unchanged", again.Console, StringComparison.Ordinal);

        var list = await cli.RunAsync("docs", "list", "--json");
        using var documents = JsonDocument.Parse(list.Output);
        Assert.Equal(2, documents.RootElement.GetArrayLength());
        var lora = documents.RootElement.EnumerateArray().Single(d => d.GetProperty("title").GetString() == "LoRA");
        Assert.Equal("id", lora.GetProperty("language").GetString());

        var show = await cli.RunAsync("docs", "show", Path.Combine(cli.DocumentsPath, "lora.md"));
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("LoRA membekukan bobot", show.Console, StringComparison.Ordinal);

        var remove = await cli.RunAsync("docs", "remove", lora.GetProperty("id").GetString()!);
        Assert.Equal(0, remove.ExitCode);
        var after = await cli.RunAsync("docs", "list", "--json");
        using var remaining = JsonDocument.Parse(after.Output);
        Assert.Equal(1, remaining.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Bad_files_are_reported_by_name_while_good_files_are_ingested()
    {
        using var cli = new CliRun();
        cli.WriteDocument("tokenization.md", Tokenization);
        cli.WriteDocument("empty.txt", string.Empty);
        File.WriteAllBytes(Path.Combine(cli.DocumentsPath, "binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3]);

        var result = await cli.RunAsync("ingest", cli.DocumentsPath, "--json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Output);
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal("added", files.Single(f => f.GetProperty("sourcePath").GetString()!.EndsWith("tokenization.md", StringComparison.Ordinal)).GetProperty("outcome").GetString());
        Assert.All(
            files.Where(f => !f.GetProperty("sourcePath").GetString()!.EndsWith(".md", StringComparison.Ordinal)),
            f =>
            {
                Assert.Equal("failed", f.GetProperty("outcome").GetString());
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("error").GetString()));
            });
    }

    [Fact]
    public async Task Json_answer_carries_citations_that_point_into_the_source()
    {
        using var cli = new CliRun();
        var path = cli.WriteDocument("tokenization.md", Tokenization);
        await cli.RunAsync("ingest", cli.DocumentsPath);

        var result = await cli.RunAsync("ask", "How does byte-pair encoding build the vocabulary?", "--json");

        Assert.Equal(0, result.ExitCode);
        using var answer = JsonDocument.Parse(result.Output);
        Assert.False(answer.RootElement.GetProperty("abstained").GetBoolean());
        var citation = answer.RootElement.GetProperty("citations")[0];
        Assert.Equal(path, citation.GetProperty("sourcePath").GetString());
        Assert.Contains("Byte-pair encoding merges", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_question_is_rejected_with_a_clear_error(string question)
    {
        using var cli = new CliRun();
        cli.WriteDocument("tokenization.md", Tokenization);
        await cli.RunAsync("ingest", cli.DocumentsPath);

        var result = await cli.RunAsync("ask", question);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("question is empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlong_question_names_the_limit_and_the_setting()
    {
        using var cli = new CliRun();
        cli.WriteDocument("tokenization.md", Tokenization);
        await cli.RunAsync("ingest", cli.DocumentsPath);

        var result = await cli.RunAsync("ask", new string('a', 2001));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Answering:MaxQuestionLength", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_keeps_the_conversation_for_follow_up_questions()
    {
        using var cli = new CliRun();
        cli.WriteDocument("lora.md", Lora);
        cli.WriteDocument("tokenization.md", Tokenization);
        await cli.RunAsync("ingest", cli.DocumentsPath);

        var result = await cli.RunWithInputAsync("Apa yang dilakukan LoRA terhadap bobot model?\nBagaimana dengan parameternya?\n/exit\n", "chat");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("membekukan bobot model asli", result.Console, StringComparison.Ordinal);
        Assert.Contains("jumlah parameter yang dilatih turun drastis", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_is_reported_and_the_exit_code_says_so()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("ingest", Path.Combine(cli.Root, "does-not-exist"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("path not found", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_option_selects_a_Qdrant_server_and_reports_when_it_is_unreachable()
    {
        using var cli = new CliRun();

        // Port 9 (discard) on loopback refuses connections, so the Qdrant store's own error must come through.
        var result = await cli.RunAsync("docs", "list", "--store", "qdrant=http://127.0.0.1:9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("127.0.0.1:9", result.Error, StringComparison.Ordinal);
    }
}
