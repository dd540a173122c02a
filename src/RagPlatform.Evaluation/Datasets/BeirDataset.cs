using System.Globalization;

namespace RagPlatform.Evaluation.Datasets;

public sealed record BeirDocument(string Id, string Title, string Text);

public sealed record BeirQuery(string Id, string Text);

/// <summary>
/// A BEIR retrieval dataset: <c>corpus.jsonl</c> (<c>_id</c>, <c>title</c>, <c>text</c>), <c>queries.jsonl</c>
/// (<c>_id</c>, <c>text</c>) and graded judgements in <c>qrels/&lt;split&gt;.tsv</c> (header
/// <c>query-id corpus-id score</c>). As BEIR's own loader does, only queries that have judgements are kept.
/// </summary>
/// <param name="Qrels">Query id → (document id → relevance grade).</param>
public sealed record BeirDataset(
    string Directory,
    string Split,
    IReadOnlyDictionary<string, BeirDocument> Corpus,
    IReadOnlyList<BeirQuery> Queries,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Qrels)
{
    public static async Task<BeirDataset> LoadAsync(string directory, string split = "test", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(split);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"BEIR dataset directory not found: {directory}");
        }

        var corpus = new Dictionary<string, BeirDocument>(StringComparer.Ordinal);
        await foreach (var line in JsonLines.ReadAsync(Path.Combine(directory, "corpus.jsonl"), cancellationToken).ConfigureAwait(false))
        {
            var document = new BeirDocument(line.RequiredString("_id"), line.OptionalString("title") ?? "", line.OptionalString("text") ?? "");
            if (!corpus.TryAdd(document.Id, document))
            {
                throw line.Error($"duplicate _id '{document.Id}'");
            }
        }

        var queries = new Dictionary<string, BeirQuery>(StringComparer.Ordinal);
        await foreach (var line in JsonLines.ReadAsync(Path.Combine(directory, "queries.jsonl"), cancellationToken).ConfigureAwait(false))
        {
            var query = new BeirQuery(line.RequiredString("_id"), line.RequiredString("text"));
            if (!queries.TryAdd(query.Id, query))
            {
                throw line.Error($"duplicate _id '{query.Id}'");
            }
        }

        var qrels = await ReadQrelsAsync(Path.Combine(directory, "qrels", split + ".tsv"), corpus, queries, cancellationToken).ConfigureAwait(false);
        var judgedQueries = queries.Values.Where(query => qrels.ContainsKey(query.Id)).ToList();
        return new BeirDataset(Path.GetFullPath(directory), split, corpus, judgedQueries, qrels);
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> ReadQrelsAsync(
        string path,
        Dictionary<string, BeirDocument> corpus,
        Dictionary<string, BeirQuery> queries,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"BEIR judgements not found: {path} (expected qrels/<split>.tsv)", path);
        }

        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && line.StartsWith("query-id", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3)
            {
                throw new DatasetFormatException(path, lineNumber, "expected three tab-separated fields: query-id, corpus-id, score");
            }

            var (queryId, documentId) = (fields[0].Trim(), fields[1].Trim());
            if (!int.TryParse(fields[2].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade))
            {
                throw new DatasetFormatException(path, lineNumber, $"score '{fields[2]}' is not an integer");
            }

            if (!queries.ContainsKey(queryId))
            {
                throw new DatasetFormatException(path, lineNumber, $"query '{queryId}' is not in queries.jsonl");
            }

            if (!corpus.ContainsKey(documentId))
            {
                throw new DatasetFormatException(path, lineNumber, $"document '{documentId}' is not in corpus.jsonl");
            }

            if (!qrels.TryGetValue(queryId, out var judgements))
            {
                qrels[queryId] = judgements = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            judgements[documentId] = grade;
        }

        return qrels.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, int>)pair.Value, StringComparer.Ordinal);
    }
}
