using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Evaluation;
using RagPlatform.Experiments.Definition;
using RagPlatform.Experiments.Results;
using RagPlatform.Experiments.Running;

namespace RagPlatform.Experiments.Tests;

/// <summary>A small corpus, a QA dataset about it and experiment files, in a temporary folder deleted on dispose.</summary>
internal sealed class ExperimentWorkspace : IDisposable
{
    public const string Dataset =
        """
        {"id":"q1","question":"What does byte-pair encoding merge?","answers":["the most frequent pair of symbols"],"passages":[{"source":"tokenization.md","text":"Byte-pair encoding merges the most frequent pair of symbols again and again until the vocabulary is full."}],"language":"en"}
        {"id":"q2","question":"What does LoRA train?","answers":["two small low-rank matrices"],"passages":[{"source":"lora.md","text":"LoRA freezes the original model weights and trains two small low-rank matrices."}],"language":"en"}
        {"id":"q3","question":"What do queries, keys and values compute in self-attention?","answers":["attention weights that mix the value vectors"],"passages":[{"source":"attention.md","text":"Queries and keys are compared to compute attention weights, and the weights mix the value vectors."}],"language":"en"}
        {"id":"q4","question":"Who won the football world cup in 2018?","answers":[],"answerable":false,"language":"en"}
        """;

    /// <summary>Metrics that measure the machine rather than the answers, so they differ between identical runs.</summary>
    public static readonly string[] TimingMetrics = [MetricKeys.LatencyMs, MetricKeys.TokensPerSecond];

    public ExperimentWorkspace()
    {
        Write("corpus/tokenization.md", "# Tokenization\n\nTokenization splits text into subword tokens before a model sees it. Byte-pair encoding merges the most frequent pair of symbols again and again until the vocabulary is full.\n");
        Write("corpus/lora.md", "# LoRA\n\nLoRA freezes the original model weights and trains two small low-rank matrices. This way the number of trained parameters drops sharply.\n");
        Write("corpus/attention.md", "# Attention\n\nSelf-attention lets every token look at every other token. Queries and keys are compared to compute attention weights, and the weights mix the value vectors.\n");
        Write("qa.jsonl", Dataset);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ragp-experiment-tests", Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Output(string name) => Path.Combine(Root, "out", name);

    public static ExperimentRunner Runner(IDictionary<string, string?>? settings = null) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build(), NullLoggerFactory.Instance);

    public async Task<ExperimentRunResult> RunAsync(string experimentFile, string output, bool restart = false, IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var definition = await ExperimentFile.LoadAsync(experimentFile, cancellationToken);
        return await Runner().RunAsync(definition, new ExperimentRunOptions(output, restart), progress, cancellationToken);
    }

    /// <summary>What a run produced, without the timings: per cell, each answer with its metrics.</summary>
    public static async Task<List<string>> AnswersAsync(string output)
    {
        var results = await ExperimentResults.LoadAsync(output);
        return results.RecordsByCell
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .SelectMany(pair => pair.Value.Select(record =>
                $"{pair.Key} #{record.Repetition} {record.QuestionId} seed {record.Seed}: {record.Result.AnswerText} | " +
                string.Join(", ", record.Result.Metrics.Where(metric => !TimingMetrics.Contains(metric.Key)).OrderBy(metric => metric.Key, StringComparer.Ordinal).Select(metric => $"{metric.Key}={metric.Value.Value:R}"))))
            .ToList();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; the test result does not depend on it.
        }
    }
}
