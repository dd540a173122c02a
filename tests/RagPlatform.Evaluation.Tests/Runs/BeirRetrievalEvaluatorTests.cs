using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Evaluation.Tests.Runs;

public sealed class BeirRetrievalEvaluatorTests
{
    [Fact]
    public async Task Scores_each_judged_query_with_documents_counted_once()
    {
        using var directory = new TempDirectory();
        directory.File("corpus.jsonl", """
            {"_id":"d1","title":"A","text":"alpha"}
            {"_id":"d2","title":"B","text":"beta"}
            {"_id":"d3","title":"C","text":"gamma"}
            """);
        directory.File("queries.jsonl", """
            {"_id":"q1","text":"first"}
            {"_id":"q2","text":"second"}
            """);
        directory.File("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td2\t2\nq1\td3\t1\nq2\td1\t1\n");
        var dataset = await BeirDataset.LoadAsync(directory.Path);

        // q1 retrieves chunks of d1, d2, d2 again, d3: documents d1, d2, d3 after keeping each once.
        var retriever = new ScriptedRetriever(new Dictionary<string, string[]> { ["first"] = ["d1", "d2", "d2", "d3"], ["second"] = ["d2"] });
        var progress = new List<EvaluationProgress>();

        var result = await new BeirRetrievalEvaluator().EvaluateAsync(retriever, dataset, topK: 4, progress: new SynchronousProgress<EvaluationProgress>(progress.Add));

        var q1 = result.Queries.Single(query => query.QueryId == "q1");
        Assert.Equal(["d1", "d2", "d3"], q1.RankedDocumentIds);
        Assert.Equal(0.5, q1.Metrics[MetricKeys.Mrr]);
        Assert.Equal(((2 / Math.Log2(3)) + (1 / Math.Log2(4))) / (2 + (1 / Math.Log2(3))), q1.Metrics[MetricKeys.NdcgAt(4)], 12);
        Assert.Equal(0.5, q1.Metrics[MetricKeys.PrecisionAt(4)]);
        Assert.Equal(((1 / 2.0) + (2 / 3.0)) / 2, q1.Metrics[MetricKeys.Map], 12);
        Assert.Equal(0, result.Queries.Single(query => query.QueryId == "q2").Metrics[MetricKeys.HitAt(4)]);
        Assert.Equal(0.5, result.Means[MetricKeys.HitAt(4)]);
        Assert.Equal(2, progress.Count);
        Assert.All(retriever.Requests, request => Assert.Equal(4, request.TopK));
    }

    private sealed class ScriptedRetriever(IReadOnlyDictionary<string, string[]> documentsByQuery) : IRetriever
    {
        public List<RetrievalRequest> Requests { get; } = [];

        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            IReadOnlyList<ScoredChunk> chunks = documentsByQuery[request.Query]
                .Select((documentId, rank) => new ScoredChunk(new Chunk($"{documentId}:{rank}", documentId, rank, "text", $"{documentId}.md", documentId, "", null, 0, 4, 1), 10 - rank))
                .ToList();
            return Task.FromResult(chunks);
        }
    }
}
