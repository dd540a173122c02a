using System.Text.Json;

namespace RagPlatform.Cli.Tests;

public sealed class CliPromptsTests
{
    [Fact]
    public async Task List_shows_components_of_one_kind_and_marks_the_default()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("prompts", "list", "--kind", "tone");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("academic", result.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("research-assistant", result.Console, StringComparison.Ordinal);
        var professional = result.Console.Split('\n').Single(line => line.Contains(" professional ", StringComparison.Ordinal));
        Assert.Contains("default", professional, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_list_covers_every_kind_with_one_default_per_single_choice_kind()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("prompts", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var entries = json.RootElement.EnumerateArray().ToList();
        var kinds = entries.GroupBy(e => e.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["medium", "organization", "persona", "purpose", "requirements", "tone"], kinds.Keys.Order());
        foreach (var kind in new[] { "persona", "tone", "organization", "medium", "purpose" })
        {
            Assert.Single(kinds[kind], e => e.GetProperty("isDefault").GetBoolean());
        }

        Assert.True(kinds["requirements"].Count(e => e.GetProperty("isDefault").GetBoolean()) > 1);
    }

    [Theory]
    [InlineData("en", "academic tone")]
    [InlineData("id", "nada akademis")]
    public async Task Show_prints_the_component_text_in_the_chosen_language(string language, string expected)
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("prompts", "show", "tone", "academic", "--language", language);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_component_name_exits_2_listing_the_valid_names()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("prompts", "show", "persona", "astronaut");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown persona 'astronaut'", result.Error, StringComparison.Ordinal);
        Assert.Contains("research-assistant", result.Error, StringComparison.Ordinal);
        Assert.Contains("tutor", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_composes_the_chosen_components_into_the_system_and_answer_prompts()
    {
        using var cli = new CliRun();
        cli.WriteDocument("tokenization.md", "# Tokenization\n\nByte-pair encoding merges the most frequent pair of symbols.\n");
        await cli.RunAsync("ingest", cli.DocumentsPath);
        var academic = await cli.RunAsync("prompts", "show", "tone", "academic", "--json");
        using var tone = JsonDocument.Parse(academic.Output);
        var academicText = tone.RootElement.GetProperty("text").GetProperty("en").GetString()!;

        var result = await cli.RunAsync(
            "prompts", "render", "--tone", "academic", "--requirements", "concise,cite-sources", "--question", "What does byte-pair encoding merge?", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var systemPrompt = json.RootElement.GetProperty("systemPrompt").GetString()!;
        Assert.Contains(academicText, systemPrompt, StringComparison.Ordinal);
        var answerPrompt = json.RootElement.GetProperty("answerPrompt").GetString()!;
        Assert.Contains("What does byte-pair encoding merge?", answerPrompt, StringComparison.Ordinal);
        Assert.Contains("merges the most frequent pair", answerPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_in_indonesian_without_a_question_prints_only_the_system_prompt()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("prompts", "render", "--tone", "academic", "--language", "id");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("System prompt", result.Console, StringComparison.Ordinal);
        Assert.Contains("nada akademis", result.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer prompt", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_rejects_an_unknown_requirement_with_exit_2()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("prompts", "render", "--requirements", "concise,telepathic");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown requirement 'telepathic'", result.Error, StringComparison.Ordinal);
        Assert.Contains("grounded-only", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_accepts_prompt_components_and_rejects_unknown_ones_before_asking()
    {
        using var cli = new CliRun();
        cli.WriteDocument("tokenization.md", "# Tokenization\n\nByte-pair encoding merges the most frequent pair of symbols again and again.\n");
        await cli.RunAsync("ingest", cli.DocumentsPath);

        var answered = await cli.RunAsync("ask", "What does byte-pair encoding merge?", "--persona", "tutor", "--tone", "friendly");
        var rejected = await cli.RunAsync("ask", "What does byte-pair encoding merge?", "--persona", "tutor", "--tone", "grumpy");

        Assert.Equal(0, answered.ExitCode);
        Assert.Contains("most frequent pair", answered.Console, StringComparison.Ordinal);
        Assert.Equal(2, rejected.ExitCode);
        Assert.Contains("Unknown tone 'grumpy'", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("professional", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, rejected.Console);
    }

    [Fact]
    public async Task Chat_rejects_an_unknown_persona_before_reading_questions()
    {
        using var cli = new CliRun();

        var result = await cli.RunWithInputAsync("What is tokenization?\n/exit\n", "chat", "--persona", "pirate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown persona 'pirate'", result.Error, StringComparison.Ordinal);
    }
}
