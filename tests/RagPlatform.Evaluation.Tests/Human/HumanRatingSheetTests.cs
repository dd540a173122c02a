using CsvHelper;
using System.Globalization;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Evaluation.Tests.Runs;

namespace RagPlatform.Evaluation.Tests.Human;

public sealed class HumanRatingSheetTests
{
    [Fact]
    public async Task Exported_sheet_filled_by_two_raters_round_trips_into_the_run_and_report()
    {
        using var directory = new TempDirectory();
        var run = await BaselineRunAsync(directory);
        var sheet = Path.Combine(directory.Path, "sheet.csv");

        await HumanRatingSheet.ExportAsync(run, sheet);
        var rows = await ReadRowsAsync(sheet);

        Assert.Equal(["question_id", "question", "answer", "citations", "correctness_1_5", "hallucination_yes_no", "comment", "rater"], rows[0]);
        Assert.Equal(["q1", "q2", "q3", "q4", "q5", "q6"], rows.Skip(1).Select(row => row[0]));
        Assert.Equal(EvaluationScenario.InjectedQuestion, rows[2][1]);
        Assert.Contains("[1] corpus/bleu.md", rows[2][3], StringComparison.Ordinal);
        Assert.All(rows.Skip(1), row => Assert.Equal(["", "", "", ""], row[4..]));

        var alice = await FillAsync(directory, "alice.csv", sheet, new() { ["q1"] = ("5", "no", "concise, \"correct\""), ["q2"] = ("3", "yes", "second sentence invented"), ["q5"] = ("1", "Yes", "") }, "alice");
        var bob = await FillAsync(directory, "bob.csv", sheet, new() { ["q1"] = ("4", "no", ""), ["q2"] = ("4", "n", "fine") }, "bob");
        var ratings = await HumanRatingSheet.ImportAsync([alice, bob], run);
        var rated = HumanRatingSheet.Attach(run, ratings);

        Assert.Equal(5, rated.HumanRatings.Count);
        Assert.Contains(new HumanRating("q1", "alice", 5, false, "concise, \"correct\""), rated.HumanRatings);
        Assert.Contains(new HumanRating("q5", "alice", 1, true, ""), rated.HumanRatings);
        Assert.Contains(new HumanRating("q2", "bob", 4, false, "fine"), rated.HumanRatings);

        var files = await new EvaluationReportWriter().WriteAsync(rated, Path.Combine(directory.Path, "report"));
        var reloaded = await EvaluationRun.LoadAsync(files.RunJson);
        Assert.Equal(rated.HumanRatings, reloaded.HumanRatings);
        var markdown = await File.ReadAllTextAsync(files.Markdown);
        Assert.Contains("## Human ratings", markdown, StringComparison.Ordinal);
        Assert.Contains("| alice vs automatic | 3 | 100.0 % | 1.000 |", markdown, StringComparison.Ordinal);
        Assert.Contains("alice: 5/5, bob: 4/5", markdown, StringComparison.Ordinal);
        Assert.Contains("Agreement with automatic label", await File.ReadAllTextAsync(files.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_rows_are_all_reported_with_file_and_row_numbers()
    {
        using var directory = new TempDirectory();
        var run = await BaselineRunAsync(directory);
        var bad = directory.File("bad.csv",
            "question_id,question,answer,citations,correctness_1_5,hallucination_yes_no,comment,rater\n" +
            "q1,Q,A,,7,no,,alice\n" +
            "q2,Q,A,,3,maybe,,alice\n" +
            "q9,Q,A,,3,no,,alice\n" +
            "q3,Q,A,,2,yes,,\n" +
            "q4,Q,A,,,,,\n" +
            "q5,Q,A,,4,no,,alice\n");
        var duplicate = directory.File("again.csv", "question_id,correctness_1_5,hallucination_yes_no,rater\nq5,2,yes,alice\n");
        var missingColumn = directory.File("short.csv", "question_id,correctness_1_5\nq1,3\n");

        var error = await Assert.ThrowsAsync<HumanRatingFormatException>(() => HumanRatingSheet.ImportAsync([bad, duplicate, missingColumn], run));

        Assert.Equal(
            [
                "bad.csv row 2: correctness_1_5 must be a whole number from 1 to 5, got '7'",
                "bad.csv row 3: hallucination_yes_no must be yes or no, got 'maybe'",
                "bad.csv row 4: question 'q9' is not in this run",
                "bad.csv row 5: rater is empty; every rating needs the rater's name",
                "again.csv row 2: rater 'alice' already rated question 'q5' (bad.csv row 7)",
                "short.csv: missing column(s) hallucination_yes_no, rater",
            ],
            error.Problems);
    }

    [Fact]
    public async Task Agreement_with_the_automatic_label_on_a_known_example()
    {
        using var directory = new TempDirectory();
        var run = await BaselineRunAsync(directory);

        // Automatic labels (lexical method): q1 grounded, q2 hallucinated, q3 grounded, q5 hallucinated.
        var rated = HumanRatingSheet.Attach(run,
        [
            new("q1", "alice", 5, false, ""), new("q2", "alice", 3, true, ""), new("q3", "alice", 4, true, ""), new("q5", "alice", 1, true, ""),
            new("q1", "bob", 5, false, ""), new("q2", "bob", 2, true, ""), new("q3", "bob", 5, false, ""), new("q5", "bob", 1, false, ""),
        ]);
        var agreement = HumanAgreement.Compute(rated)!;

        // alice vs automatic: p_o = 3/4; p_e = 0.5·0.75 + 0.5·0.25 = 0.5; κ = (0.75 − 0.5) / 0.5 = 0.5.
        var alice = agreement.PerRater.Single(rater => rater.Name == "alice");
        Assert.Equal(0.75, alice.PercentAgreement);
        Assert.Equal(0.5, alice.CohenKappa!.Value, 12);

        // bob vs automatic: p_o = 3/4; p_e = 0.5·0.25 + 0.5·0.75 = 0.5; κ = 0.5. Pooled: p_o = 6/8, p_e = 0.5 → 0.5.
        Assert.Equal(0.5, agreement.PerRater.Single(rater => rater.Name == "bob").CohenKappa!.Value, 12);
        Assert.Equal(0.5, agreement.HumanVsAutomatic.CohenKappa!.Value, 12);
        Assert.Equal(8, agreement.HumanVsAutomatic.Items);

        // alice vs bob: labels (F,T,T,T) and (F,T,F,F): p_o = 2/4; p_e = 0.25·0.75 + 0.75·0.25 = 0.375; κ = 0.2.
        var pair = Assert.Single(agreement.BetweenRaters);
        Assert.Equal("alice vs bob", pair.Name);
        Assert.Equal(0.2, pair.CohenKappa!.Value, 12);
        Assert.Equal(4, agreement.RatedQuestionCount);
        Assert.Equal(3.25, agreement.MeanCorrectness);
        Assert.Equal(0.5, agreement.AutomaticHallucinationRate);
        Assert.Null(HumanAgreement.Compute(run));
    }

    private static async Task<EvaluationRun> BaselineRunAsync(TempDirectory directory) =>
        await EvaluationScenario.RunAsync(await EvaluationScenario.WriteDatasetAsync(directory), EvaluationScenario.BaselineAnswers(), "baseline");

    private static async Task<List<string[]>> ReadRowsAsync(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }

    /// <summary>Fills the exported sheet the way a rater would in a spreadsheet and saves it under a new name.</summary>
    private static async Task<string> FillAsync(TempDirectory directory, string name, string sheet, Dictionary<string, (string Correctness, string Hallucination, string Comment)> ratings, string rater)
    {
        var rows = await ReadRowsAsync(sheet);
        var path = Path.Combine(directory.Path, name);
        await using var writer = new StreamWriter(path);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            if (ratings.TryGetValue(row[0], out var rating))
            {
                (row[4], row[5], row[6], row[7]) = (rating.Correctness, rating.Hallucination, rating.Comment, rater);
            }

            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            await csv.NextRecordAsync();
        }

        return path;
    }
}
