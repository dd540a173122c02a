using RagPlatform.Experiments.Definition;
using RagPlatform.Retrieval;

namespace RagPlatform.Experiments.Tests;

public sealed class ExperimentFileTests : IDisposable
{
    private readonly ExperimentWorkspace _workspace = new();

    [Fact]
    public async Task Yaml_is_read_into_variants_and_cells_models_outermost()
    {
        var path = _workspace.Write("experiment.yaml", """
            name: matrix
            dataset: qa.jsonl
            corpus: corpus
            seed: 11
            repetitions: 3
            questionLimit: 2
            prompts:
              - name: plain
              - name: tutor
                persona: tutor
                requirements: [cite-sources, concise]
            models:
              - name: extractive
              - name: local
                generator:
                  Path: models/decoder
                  Generation: { Temperature: 0.7, MaxNewTokens: 32 }
            retrieval:
              - name: top1
                mode: keyword
                topK: 1
              - name: hybrid
                mode: Hybrid
                keywordWeight: 1
                denseWeight: 2.5
                mmr: true
                mmrLambda: 0.6
            """);

        var definition = await ExperimentFile.LoadAsync(path);

        Assert.Equal(("matrix", 11L, 3, 2), (definition.Name, definition.Seed, definition.Repetitions, definition.QuestionLimit));
        Assert.Equal(Path.Combine(_workspace.Root, "qa.jsonl"), definition.DatasetPath);
        Assert.Equal(Path.Combine(_workspace.Root, "corpus"), definition.CorpusPath);
        Assert.Equal("cite-sources,concise", definition.Prompts[1].Components["requirements"]);
        Assert.Equal("tutor", definition.Prompts[1].Components["persona"]);
        Assert.Null(definition.Models[0].Generator);
        Assert.Equal(Path.Combine(_workspace.Root, "models", "decoder"), definition.Models[1].Generator!["Path"]);
        Assert.Equal("0.7", definition.Models[1].Generator!["Generation:Temperature"]);
        Assert.Equal(new RetrievalVariant("hybrid", RetrievalMode.Hybrid, null, 1, 2.5, true, 0.6), definition.Retrieval[1]);
        Assert.Equal(
            ["extractive+top1+plain", "extractive+top1+tutor", "extractive+hybrid+plain", "extractive+hybrid+tutor", "local+top1+plain", "local+top1+tutor", "local+hybrid+plain", "local+hybrid+tutor"],
            definition.Cells.Select(cell => cell.Id));
    }

    [Fact]
    public async Task Json_uses_the_same_schema_and_left_out_lists_use_the_configuration()
    {
        var path = _workspace.Write("experiment.json", """
            {
              // comments and trailing commas are allowed
              "name": "json-form",
              "dataset": "qa.jsonl",
              "retrieval": [ { "name": "top3", "mode": "keyword", "topK": 3 }, ],
            }
            """);

        var definition = await ExperimentFile.LoadAsync(path);

        var cell = Assert.Single(definition.Cells);
        Assert.Equal("configured+top3+default", cell.Id);
        Assert.True(cell.Model.UsesConfiguredModels);
        Assert.Empty(cell.Prompt.Components);
        Assert.Equal((0L, 1, null), (definition.Seed, definition.Repetitions, definition.QuestionLimit));
    }

    [Fact]
    public async Task Formatting_does_not_change_the_definition_hash_but_a_value_does()
    {
        var first = await ExperimentFile.LoadAsync(_workspace.Write("a.yaml", "name: h\ndataset: qa.jsonl\nseed: 1\n"));
        var reformatted = await ExperimentFile.LoadAsync(_workspace.Write("b.yaml", "# a comment\nname:   h\ndataset: 'qa.jsonl'\nseed: 1   # seed\n"));
        var changed = await ExperimentFile.LoadAsync(_workspace.Write("c.yaml", "name: h\ndataset: qa.jsonl\nseed: 2\n"));

        Assert.Equal(first.DefinitionHash, reformatted.DefinitionHash);
        Assert.NotEqual(first.DefinitionHash, changed.DefinitionHash);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_with_the_file_and_field()
    {
        var path = _workspace.Write("broken.yaml", """
            name: bad name!
            dataset: missing.jsonl
            corpus: corpus
            store: corpus
            repetitions: 0
            prompts:
              - name: a
                persona: tutor
                colour: blue
              - name: a
            retrieval:
              - name: r
                mode: fuzzy
                topK: many
                keywordWeight: 0
                denseWeight: 0
            """);

        var error = await Assert.ThrowsAsync<ExperimentFileException>(() => ExperimentFile.LoadAsync(path));

        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        string[] expected =
        [
            "name: 'bad name!' must be",
            "dataset: file 'missing.jsonl'",
            "store: set either 'corpus'",
            "repetitions: expected a whole number from 1 to 1000, got '0'",
            "prompts[0].colour: unknown field; valid fields here: name, template, persona,",
            "prompts[1].name: 'a' is already used by prompts[0]",
            "retrieval[0].mode: 'fuzzy' is not a retrieval mode",
            "retrieval[0].topK: expected a whole number from 1 to 100, got 'many'",
            "retrieval[0].denseWeight: keywordWeight and denseWeight cannot both be 0",
        ];
        foreach (var problem in expected)
        {
            Assert.Contains(error.Problems, reported => reported.StartsWith(problem, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, error.Problems.Count);
    }

    [Theory]
    [InlineData("name: x\ndataset: [qa.jsonl\n", "invalid YAML at line")]
    [InlineData("name: x\nname: y\ndataset: qa.jsonl\n", "invalid YAML at line 2, column 1: Duplicate key name")]
    [InlineData("- just\n- a list\n", "expected a mapping")]
    [InlineData("name: x\ndataset: qa.jsonl\nmodels: []\n", "models: lists no variants")]
    [InlineData("name: x\ndataset: qa.jsonl\nmodels:\n  - name: m\n    generator: models/x\n", "models[0].generator: expected a mapping of settings")]
    public async Task Malformed_files_are_refused_with_the_reason(string yaml, string reason)
    {
        var path = _workspace.Write("malformed.yaml", yaml);

        var error = await Assert.ThrowsAsync<ExperimentFileException>(() => ExperimentFile.LoadAsync(path));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var path = Path.Combine(_workspace.Root, "nope.yaml");

        var error = await Assert.ThrowsAsync<ExperimentFileException>(() => ExperimentFile.LoadAsync(path));

        Assert.Contains("nope.yaml: the experiment file does not exist", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
