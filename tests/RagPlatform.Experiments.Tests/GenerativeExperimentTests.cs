using RagPlatform.Experiments.Results;
using RagPlatform.Experiments.Running;
using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Experiments.Tests;

/// <summary>
/// Experiments with a generator: the suite's own small Llama decoder (random weights, so the text is meaningless)
/// sampling at temperature 1 — what is checked is that prompts are stored and the seed decides the text.
/// </summary>
public sealed class GenerativeExperimentTests : IDisposable
{
    private const string BriefMarker = "Answer in one short sentence.";

    private readonly ExperimentWorkspace _workspace = new();

    public GenerativeExperimentTests()
    {
        TestModelFactory.WriteDecoderFolder(Path.Combine(_workspace.Root, "decoder"), new DecoderSpec(MaxPositions: 4096), TestTokenizerKind.ByteLevelBpe);
        CopyPromptLibrary(Path.Combine(AppContext.BaseDirectory, "prompts"), Path.Combine(_workspace.Root, "prompts"));
        var rag = Path.Combine(_workspace.Root, "prompts", "templates", "rag-answer");
        var brief = Directory.CreateDirectory(Path.Combine(_workspace.Root, "prompts", "templates", "rag-answer-brief")).FullName;
        File.Copy(Path.Combine(rag, "config.json"), Path.Combine(brief, "config.json"));
        File.WriteAllText(
            Path.Combine(brief, "skprompt.txt"),
            File.ReadAllText(Path.Combine(rag, "skprompt.txt")).Replace("Answer in the same language as the question.", BriefMarker, StringComparison.Ordinal));
        _workspace.Write("generative.yaml", """
            name: generative
            dataset: qa.jsonl
            corpus: corpus
            promptLibrary: prompts
            seed: 3
            repetitions: 2
            questionLimit: 2
            prompts:
              - name: library
              - name: brief
                template: rag-answer-brief
                tone: friendly
            models:
              - name: tiny
                generator:
                  Path: decoder
                  Generation: { Temperature: 1.0, MaxNewTokens: 6 }
            retrieval:
              - name: top1
                mode: keyword
                topK: 1
            """);
    }

    private string ExperimentPath => Path.Combine(_workspace.Root, "generative.yaml");

    [Fact]
    public async Task Every_prompt_is_stored_and_the_seed_makes_generation_repeatable()
    {
        var first = await _workspace.RunAsync(ExperimentPath, _workspace.Output("first"));
        await _workspace.RunAsync(ExperimentPath, _workspace.Output("second"));

        Assert.Equal(8, first.Answered);
        Assert.Empty(first.Notes);
        var firstAnswers = await ExperimentWorkspace.AnswersAsync(_workspace.Output("first"));
        Assert.Equal(firstAnswers, await ExperimentWorkspace.AnswersAsync(_workspace.Output("second")));

        var results = await ExperimentResults.LoadAsync(_workspace.Output("first"));
        foreach (var (cellId, records) in results.RecordsByCell)
        {
            foreach (var record in records)
            {
                Assert.Equal(ExperimentRunner.SeedFor(3, record.Repetition, record.QuestionId), record.Seed);
                Assert.Equal("system", record.Prompt![0].Role);
                Assert.Equal("user", record.Prompt[^1].Role);
                Assert.Contains(record.Result.Question, record.Prompt[^1].Text, StringComparison.Ordinal);
                Assert.Equal(cellId.EndsWith("+brief", StringComparison.Ordinal), record.Prompt[^1].Text.Contains(BriefMarker, StringComparison.Ordinal));
                Assert.Null(record.Result.Error);
            }
        }

        // Common random numbers: both prompts of a question and repetition got the same seed; repetitions got different ones.
        var library = results.RecordsByCell["tiny+top1+library"];
        var brief = results.RecordsByCell["tiny+top1+brief"];
        Assert.Equal(library.Select(record => record.Seed), brief.Select(record => record.Seed));
        Assert.NotEqual(library[0].Seed, library.Single(record => record.Repetition == 2 && record.QuestionId == library[0].QuestionId).Seed);
        Assert.Contains(library, record => record.Repetition == 1
            && record.Result.AnswerText != library.Single(other => other.Repetition == 2 && other.QuestionId == record.QuestionId).Result.AnswerText);
    }

    private static void CopyPromptLibrary(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public void Dispose() => _workspace.Dispose();
}
