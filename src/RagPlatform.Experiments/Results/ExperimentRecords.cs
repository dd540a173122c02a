using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Experiments.Results;

/// <summary>One message sent to the generator.</summary>
public sealed record PromptMessage(string Role, string Text);

/// <summary>
/// One answered question of one cell and repetition, as stored (one JSON line each): the seed the generator got, the
/// prompt it was sent (null for extractive answers) and the evaluation harness's full result with its metrics.
/// </summary>
public sealed record ExperimentRecord(int Repetition, string QuestionId, long Seed, IReadOnlyList<PromptMessage>? Prompt, QuestionResult Result);

/// <summary>A cell as stored in the manifest: its variants and every setting it ran with (secrets left out).</summary>
/// <param name="Components">Prompt-library choices sent with every question.</param>
/// <param name="Settings">Configuration the cell's pipeline was built from, differing from the application's.</param>
public sealed record CellInfo(
    string Id,
    string Prompt,
    string Model,
    string Retrieval,
    IReadOnlyDictionary<string, string> Components,
    IReadOnlyDictionary<string, string> Settings);

/// <summary>What an experiment folder holds results of (experiment.json).</summary>
/// <param name="DefinitionHash">See <see cref="Definition.ExperimentDefinition.DefinitionHash"/>.</param>
/// <param name="QuestionIds">The questions every cell answers, in order.</param>
public sealed record ExperimentManifest(
    string Name,
    string DefinitionFile,
    string DefinitionHash,
    RunDatasetInfo Dataset,
    long Seed,
    int Repetitions,
    IReadOnlyList<string> QuestionIds,
    IReadOnlyList<CellInfo> Cells,
    DateTimeOffset CreatedAt)
{
    public int ExpectedAnswersPerCell => Repetitions * QuestionIds.Count;
}
