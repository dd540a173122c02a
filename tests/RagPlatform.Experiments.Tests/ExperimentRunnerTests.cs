using System.Text.Json;
using RagPlatform.Evaluation;
using RagPlatform.Experiments.Definition;
using RagPlatform.Experiments.Results;
using RagPlatform.Experiments.Running;

namespace RagPlatform.Experiments.Tests;

/// <summary>Experiments with the extractive answerer over a three-document corpus: no model, so they run anywhere.</summary>
public sealed class ExperimentRunnerTests : IDisposable
{
    private const string Experiment = """
        name: small
        dataset: qa.jsonl
        corpus: corpus
        seed: 5
        repetitions: 2
        prompts:
          - name: plain
          - name: tutor
            persona: tutor
        models:
          - name: extractive
        retrieval:
          - name: top1
            mode: keyword
            topK: 1
          - name: top3
            mode: keyword
            topK: 3
        """;

    private const int Cells = 4;
    private const int Questions = 4;
    private const int Total = Cells * 2 * Questions;

    private readonly ExperimentWorkspace _workspace = new();

    [Fact]
    public async Task Every_cell_answers_every_question_per_repetition_and_is_scored_and_stored()
    {
        var file = _workspace.Write("small.yaml", Experiment);
        var output = _workspace.Output("run");
        var reports = new List<ExperimentProgress>();

        var result = await _workspace.RunAsync(file, output, progress: new SynchronousProgress(reports.Add));

        Assert.Equal((Total, 0), (result.Answered, result.Resumed));
        Assert.Equal(Enumerable.Range(0, Total + 1), reports.Select(report => report.Completed));
        Assert.All(reports, report => Assert.Equal(Total, report.Total));
        Assert.Equal(["extractive+top1+plain", "extractive+top1+tutor", "extractive+top3+plain", "extractive+top3+tutor"], result.Summary.Cells.Select(cell => cell.Cell.Id));
        foreach (var cell in result.Summary.Cells)
        {
            Assert.Equal((8, 8, 0), (cell.Answered, cell.Expected, cell.Errors));
            Assert.True(cell.IsComplete);
            Assert.Equal(2, cell.Metrics[MetricKeys.F1].Repetitions);
            Assert.InRange(cell.Metrics[MetricKeys.F1].Mean, 0.2, 1);
            Assert.Equal(1.0, cell.Metrics[MetricKeys.AbstentionCorrect].Mean);
            Assert.Equal(0, cell.Metrics[MetricKeys.AbstentionCorrect].StandardDeviation);
        }

        Assert.Equal(1.0, result.Summary.Cells[2].Metrics[MetricKeys.HitAt(3)].Mean);
        foreach (var name in new[] { "experiment.json", "summary.json", "summary.md", "summary.html", "cells/extractive+top3+tutor.jsonl" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        }

        var records = (await ExperimentResults.LoadAsync(output)).RecordsByCell["extractive+top3+tutor"];
        Assert.Equal(8, records.Count);
        Assert.All(records, record => Assert.Null(record.Prompt));
        Assert.All(records, record => Assert.Equal(ExperimentRunner.SeedFor(5, record.Repetition, record.QuestionId), record.Seed));
        Assert.Contains("low-rank matrices", records.Single(record => record.Repetition == 1 && record.QuestionId == "q2").Result.AnswerText, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "summary.md"));
        Assert.Contains("| extractive+top3+tutor | 8/8 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("`persona=tutor`", markdown, StringComparison.Ordinal);
        Assert.Contains(result.Notes, note => note.Contains("'extractive' has no generator", StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(result.Files.Json));
        Assert.Equal(Cells, summary.RootElement.GetProperty("cells").GetArrayLength());
    }

    [Fact]
    public async Task The_same_experiment_gives_the_same_answers_and_scores()
    {
        var file = _workspace.Write("small.yaml", Experiment);

        var first = await _workspace.RunAsync(file, _workspace.Output("first"));
        var second = await _workspace.RunAsync(file, _workspace.Output("second"));

        Assert.Equal(await ExperimentWorkspace.AnswersAsync(_workspace.Output("first")), await ExperimentWorkspace.AnswersAsync(_workspace.Output("second")));
        Assert.Equal(WithoutTimings(first.Summary), WithoutTimings(second.Summary));
    }

    [Fact]
    public async Task An_interrupted_run_resumes_with_the_remaining_questions_and_matches_an_uninterrupted_one()
    {
        var file = _workspace.Write("small.yaml", Experiment);
        var interrupted = _workspace.Output("interrupted");
        using var interruption = new CancellationTokenSource();
        var stopAfter = new SynchronousProgress(report =>
        {
            if (report.Completed == 11)
            {
                interruption.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _workspace.RunAsync(file, interrupted, progress: stopAfter, cancellationToken: interruption.Token));
        Assert.Equal(11, (await ExperimentResults.LoadAsync(interrupted)).RecordsByCell.Values.Sum(records => records.Count));
        Assert.False(File.Exists(Path.Combine(interrupted, "summary.json")));

        var resumed = await _workspace.RunAsync(file, interrupted);
        await _workspace.RunAsync(file, _workspace.Output("uninterrupted"));

        Assert.Equal((11, Total - 11), (resumed.Resumed, resumed.Answered));
        Assert.All(resumed.Summary.Cells, cell => Assert.True(cell.IsComplete));
        Assert.Equal(await ExperimentWorkspace.AnswersAsync(_workspace.Output("uninterrupted")), await ExperimentWorkspace.AnswersAsync(interrupted));
    }

    [Fact]
    public async Task A_line_cut_off_by_a_crash_is_dropped_and_that_answer_redone()
    {
        var file = _workspace.Write("small.yaml", Experiment);
        var output = _workspace.Output("crashed");
        await _workspace.RunAsync(file, output);
        var complete = await ExperimentWorkspace.AnswersAsync(output);
        var cellFile = Path.Combine(output, "cells", "extractive+top1+plain.jsonl");
        var lines = await File.ReadAllLinesAsync(cellFile);
        await File.WriteAllTextAsync(cellFile, string.Join("\n", lines[..^1]) + "\n" + lines[^1][..40]);

        var rerun = await _workspace.RunAsync(file, output);

        Assert.Equal((Total - 1, 1), (rerun.Resumed, rerun.Answered));
        Assert.Equal(lines.Length, (await File.ReadAllLinesAsync(cellFile)).Length);
        Assert.Equal(complete, await ExperimentWorkspace.AnswersAsync(output));
    }

    [Fact]
    public async Task A_changed_experiment_is_refused_unless_restarted()
    {
        var file = _workspace.Write("small.yaml", Experiment);
        var output = _workspace.Output("changed");
        await _workspace.RunAsync(file, output);
        _workspace.Write("small.yaml", Experiment.Replace("seed: 5", "seed: 6", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _workspace.RunAsync(file, output));
        var restarted = await _workspace.RunAsync(file, output, restart: true);

        Assert.Contains("small.yaml changed", error.Message, StringComparison.Ordinal);
        Assert.Contains("--restart", error.Message, StringComparison.Ordinal);
        Assert.Equal((Total, 0), (restarted.Answered, restarted.Resumed));
        Assert.Equal(6, (await ExperimentResults.LoadAsync(output)).Manifest.Seed);
    }

    [Fact]
    public async Task Names_the_prompt_library_does_not_know_are_refused_before_anything_runs()
    {
        var file = _workspace.Write("unknown.yaml", """
            name: unknown-names
            dataset: qa.jsonl
            corpus: corpus
            prompts:
              - name: a
                persona: pirate
                requirements: [concise, telepathic]
              - name: b
                template: no-such-template
            retrieval:
              - name: dense
                mode: dense
            """);
        var output = _workspace.Output("unknown");

        var error = await Assert.ThrowsAsync<ExperimentFileException>(() => _workspace.RunAsync(file, output));

        Assert.Contains(error.Problems, problem => problem.StartsWith("prompts[0].persona: Unknown persona 'pirate'", StringComparison.Ordinal) && problem.Contains("tutor", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.StartsWith("prompts[0].requirements:", StringComparison.Ordinal) && problem.Contains("telepathic", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.StartsWith("prompts[1].template: unknown template 'no-such-template'", StringComparison.Ordinal) && problem.Contains("rag-answer", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.StartsWith("retrieval[0].mode: Dense retrieval needs an embedding model", StringComparison.Ordinal));
        Assert.Equal(4, error.Problems.Count);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task The_bundled_example_experiment_is_valid_and_runs()
    {
        var example = Path.Combine(RepositoryRoot(), "data", "eval", "experiments", "retrieval-and-prompts.yaml");
        var definition = await ExperimentFile.LoadAsync(example);
        var quick = definition with { QuestionLimit = 3 };

        var result = await ExperimentWorkspace.Runner().RunAsync(quick, new ExperimentRunOptions(_workspace.Output("example")));

        Assert.Equal(definition.Cells.Count * definition.Repetitions * 3, result.Answered);
        Assert.All(result.Summary.Cells, cell => Assert.Equal(0, cell.Errors));
        Assert.All(result.Summary.Cells, cell => Assert.True(cell.Metrics.ContainsKey(MetricKeys.F1)));
    }

    private static string WithoutTimings(ExperimentSummary summary) =>
        string.Join("\n", summary.Cells.SelectMany(cell => cell.Metrics
            .Where(metric => !ExperimentWorkspace.TimingMetrics.Contains(metric.Key))
            .Select(metric => $"{cell.Cell.Id} {metric.Key} {metric.Value}")));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RagPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"RagPlatform.sln not found above {AppContext.BaseDirectory}.");
    }

    public void Dispose() => _workspace.Dispose();
}

/// <summary>Reports on the caller's thread, so a test sees every report before the runner continues.</summary>
internal sealed class SynchronousProgress(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
{
    public void Report(ExperimentProgress value) => report(value);
}
