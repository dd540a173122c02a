using System.Text.Json;
using System.Text.Json.Serialization;
using RagPlatform.Core.Answers;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Runs;

/// <summary>A number together with the method that produced it.</summary>
public sealed record MetricValue(double Value, string Method);

/// <summary>A retrieved chunk as the answer used it.</summary>
/// <param name="Rank">1-based position in the retrieved context.</param>
/// <param name="MatchedGoldPassages">Indexes of the question's gold passages this chunk covers (see <see cref="PassageRelevance"/>).</param>
public sealed record RetrievedChunk(
    int Rank,
    string ChunkId,
    string DocumentId,
    string SourcePath,
    string Title,
    string HeadingPath,
    int? Page,
    double Score,
    string Text,
    IReadOnlyList<int> MatchedGoldPassages);

/// <summary>Everything recorded for one question: input, output, evidence, verdicts and metrics.</summary>
/// <param name="Language">The dataset's label, or the question's language as Core's LanguageDetector finds it.</param>
/// <param name="Mode">Extractive or generative; null when answering failed.</param>
/// <param name="Groundedness">One report per groundedness method that ran, the primary method first.</param>
/// <param name="Metrics">Metric key (<see cref="MetricKeys"/>) → value and method; keys that do not apply are absent.</param>
/// <param name="Error">Why answering failed; the question then has no answer metrics.</param>
public sealed record QuestionResult(
    string Id,
    string Question,
    IReadOnlyList<string> GoldAnswers,
    IReadOnlyList<QaPassage> GoldPassages,
    bool Answerable,
    string Language,
    IReadOnlyList<string> Tags,
    string AnswerText,
    bool Abstained,
    AnswerMode? Mode,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<RetrievedChunk> Context,
    IReadOnlyList<GroundednessReport> Groundedness,
    CitationCheckResult? CitationCheck,
    AbstentionOutcome AbstentionOutcome,
    IReadOnlyDictionary<string, MetricValue> Metrics,
    double LatencyMs,
    string? Error)
{
    /// <summary>The primary method's report, when the answer had claims to check.</summary>
    [JsonIgnore]
    public GroundednessReport? PrimaryGroundedness => Groundedness.Count > 0 ? Groundedness[0] : null;
}

public sealed record RunDatasetInfo(string Name, string SourcePath, string Sha256, int QuestionCount);

/// <summary>How the run was configured; reports print it so every number can be traced to its method.</summary>
/// <param name="GroundednessMethods">Descriptions of every groundedness method used, the primary one first.</param>
/// <param name="PrimaryGroundednessMethod">Method behind <see cref="MetricKeys.UnsupportedClaimRate"/> and the citation check.</param>
public sealed record RunConfiguration(
    string Description,
    int TopK,
    int Concurrency,
    IReadOnlyList<string> GroundednessMethods,
    string PrimaryGroundednessMethod,
    string? TextScorer,
    string TokenCounting,
    string AnswerMetricsMethod,
    string BleuSignature,
    string RougeMethod,
    string RetrievalMetricsMethod,
    string PassageRelevanceRule);

/// <param name="PeakWorkingSetBytes">The process's peak working set when the run ended.</param>
public sealed record ResourceUsage(long PeakWorkingSetBytes, int ProcessorCount, string Runtime, string OperatingSystem);

/// <summary>Mean of one metric over the questions it applies to.</summary>
public sealed record MetricSummary(double Mean, int Count, string Method);

/// <summary>Metric means over a set of questions: all of them, one language or one tag.</summary>
public sealed record MetricGroup(string Name, int QuestionCount, IReadOnlyDictionary<string, MetricSummary> Metrics);

/// <summary>Latency percentiles (linear interpolation) over answered questions.</summary>
public sealed record LatencySummary(double MeanMs, double P50Ms, double P95Ms, double MaxMs, int Count);

/// <param name="Abstention">Abstaining as a classifier of unanswerable questions: positive = abstained / unanswerable.</param>
/// <param name="CorpusBleu">sacreBLEU corpus BLEU over answerable questions, all gold answers as references.</param>
public sealed record RunAggregates(
    MetricGroup Overall,
    IReadOnlyList<MetricGroup> ByLanguage,
    IReadOnlyList<MetricGroup> ByTag,
    BinaryClassificationMetrics Abstention,
    LatencySummary Latency,
    BleuScore? CorpusBleu,
    int ErrorCount);

/// <summary>The complete, round-trippable record of an evaluation run (written as run.json).</summary>
public sealed record EvaluationRun(
    string RunId,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    RunDatasetInfo Dataset,
    RunConfiguration Configuration,
    IReadOnlyList<QuestionResult> Questions,
    RunAggregates Aggregates,
    ResourceUsage Resources,
    IReadOnlyList<HumanRating> HumanRatings)
{
    internal static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<EvaluationRun> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<EvaluationRun>(stream, JsonOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"{path} holds no evaluation run.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a valid run.json: {exception.Message}", exception);
        }
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, JsonOptions, cancellationToken).ConfigureAwait(false);
    }
}
