using RagPlatform.Retrieval;

namespace RagPlatform.Experiments.Definition;

/// <summary>
/// A validated experiment: a QA dataset, the variants to cross (prompt × model × retrieval), the seed and how often
/// every cell is repeated. Paths are absolute, resolved against the experiment file's folder.
/// </summary>
/// <param name="SourcePath">The experiment file.</param>
/// <param name="DefinitionHash">SHA-256 of the file's content as parsed (formatting and comments do not count); a stored run is resumed only under the same hash.</param>
/// <param name="CorpusPath">Folder indexed into the experiment's own stores; null with <paramref name="StorePath"/> set, or for the bundled sample corpus.</param>
/// <param name="StorePath">An existing store to answer from as it is, instead of indexing a corpus.</param>
/// <param name="PromptLibraryPath">Prompt library folder; null uses the configured one (Prompts:Directory).</param>
/// <param name="QuestionLimit">Only the first N questions of the dataset; null for all.</param>
public sealed record ExperimentDefinition(
    string Name,
    string SourcePath,
    string DefinitionHash,
    string DatasetPath,
    string? CorpusPath,
    string? StorePath,
    string? PromptLibraryPath,
    long Seed,
    int Repetitions,
    int? QuestionLimit,
    IReadOnlyList<PromptVariant> Prompts,
    IReadOnlyList<ModelVariant> Models,
    IReadOnlyList<RetrievalVariant> Retrieval)
{
    /// <summary>Every combination, models outermost, then retrieval, then prompts.</summary>
    public IReadOnlyList<ExperimentCell> Cells { get; } =
        Models.SelectMany(model => Retrieval.SelectMany(retrieval => Prompts.Select(prompt => new ExperimentCell(prompt, model, retrieval)))).ToList();
}

/// <summary>
/// How generated answers are prompted: prompt-library component choices by kind ("persona", "tone",
/// "requirements" as a comma-separated list, …) and optionally a whole library template in place of "rag-answer".
/// Prompts only shape generated answers; extractive answers quote the sources whatever the prompt.
/// </summary>
public sealed record PromptVariant(string Name, IReadOnlyDictionary<string, string> Components, string? Template)
{
    public const string DefaultName = "default";

    /// <summary>The library defaults, used when the experiment lists no prompts.</summary>
    public static PromptVariant Default { get; } = new(DefaultName, new Dictionary<string, string>(), null);
}

/// <summary>
/// Which models answer: settings replacing the Models:Generator and Models:Embedding configuration sections (keys
/// relative to the section, such as "Path" or "Generation:Temperature"). No generator means extractive answers; no
/// embedding means keyword retrieval only. <see cref="UsesConfiguredModels"/> keeps the configured sections instead.
/// </summary>
public sealed record ModelVariant(
    string Name,
    IReadOnlyDictionary<string, string>? Generator,
    IReadOnlyDictionary<string, string>? Embedding,
    bool UsesConfiguredModels = false)
{
    public const string ConfiguredName = "configured";

    /// <summary>The models of the configuration, used when the experiment lists no models.</summary>
    public static ModelVariant Configured { get; } = new(ConfiguredName, null, null, UsesConfiguredModels: true);
}

/// <summary>Retrieval settings; a null member keeps the configured value (Retrieval section).</summary>
public sealed record RetrievalVariant(
    string Name,
    RetrievalMode? Mode = null,
    int? TopK = null,
    double? KeywordWeight = null,
    double? DenseWeight = null,
    bool? UseMmr = null,
    double? MmrLambda = null)
{
    public const string ConfiguredName = "configured";

    public static RetrievalVariant Configured { get; } = new(ConfiguredName);
}

/// <summary>One combination of variants; its id "model+retrieval+prompt" names its results file.</summary>
public sealed record ExperimentCell(PromptVariant Prompt, ModelVariant Model, RetrievalVariant Retrieval)
{
    public const char Separator = '+';

    public string Id => $"{Model.Name}{Separator}{Retrieval.Name}{Separator}{Prompt.Name}";
}
