using BenchmarkDotNet.Mathematics;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Benchmarks.Keyword;

/// <summary>Everything the keyword suite measured.</summary>
/// <param name="Origin">Where the dataset came from, for the report.</param>
internal sealed record KeywordResults(string Origin, DatasetStatistics Dataset, IReadOnlyList<EngineResult> Engines);

/// <summary>One engine's index time (seconds per round), index size, query latency (milliseconds per query) and quality.</summary>
internal sealed record EngineResult(
    string Name, string Configuration, Statistics IndexSeconds, long IndexBytes, Statistics LatencyMs, RetrievalEvaluationResult Quality);

/// <summary>The shape of a BEIR dataset: sizes, document lengths and how its judgements are graded.</summary>
internal sealed record DatasetStatistics(int Documents, double MeanWordsPerDocument, int Queries, int Judgements, IReadOnlyDictionary<int, int> JudgementsByGrade)
{
    public static DatasetStatistics Of(BeirDataset dataset)
    {
        var judgements = dataset.Queries.SelectMany(query => dataset.Qrels[query.Id].Values).ToList();
        return new DatasetStatistics(
            dataset.Corpus.Count,
            dataset.Corpus.Values.Average(document => WordCount(document.Title) + WordCount(document.Text)),
            dataset.Queries.Count,
            judgements.Count,
            judgements.GroupBy(grade => grade).OrderByDescending(group => group.Key).ToDictionary(group => group.Key, group => group.Count()));
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
