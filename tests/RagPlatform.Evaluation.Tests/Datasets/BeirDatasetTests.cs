using RagPlatform.Evaluation.Datasets;

namespace RagPlatform.Evaluation.Tests.Datasets;

public sealed class BeirDatasetTests
{
    [Fact]
    public async Task Loads_corpus_queries_and_graded_qrels_of_a_split()
    {
        using var directory = new TempDirectory();
        WriteCorpusAndQueries(directory);
        directory.File("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t1\nq2\td3\t0\n");
        directory.File("qrels/dev.tsv", "query-id\tcorpus-id\tscore\nq3\td1\t1\n");

        var test = await BeirDataset.LoadAsync(directory.Path);
        var dev = await BeirDataset.LoadAsync(directory.Path, "dev");

        Assert.Equal(3, test.Corpus.Count);
        Assert.Equal("Attention", test.Corpus["d1"].Title);
        Assert.Equal(["q1", "q2"], test.Queries.Select(query => query.Id));
        Assert.Equal(2, test.Qrels["q1"]["d1"]);
        Assert.Equal(1, test.Qrels["q1"]["d2"]);
        Assert.Equal(0, test.Qrels["q2"]["d3"]);
        Assert.Equal(["q3"], dev.Queries.Select(query => query.Id));
    }

    [Theory]
    [InlineData("q1\td1\thigh\n", "test.tsv line 2: score 'high' is not an integer")]
    [InlineData("q9\td1\t1\n", "test.tsv line 2: query 'q9' is not in queries.jsonl")]
    [InlineData("q1\td9\t1\n", "test.tsv line 2: document 'd9' is not in corpus.jsonl")]
    [InlineData("q1 d1 1\n", "test.tsv line 2: expected three tab-separated fields")]
    public async Task Bad_qrels_lines_name_the_line(string line, string expectedStart)
    {
        using var directory = new TempDirectory();
        WriteCorpusAndQueries(directory);
        directory.File("qrels/test.tsv", "query-id\tcorpus-id\tscore\n" + line);

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => BeirDataset.LoadAsync(directory.Path));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_split_names_the_expected_file()
    {
        using var directory = new TempDirectory();
        WriteCorpusAndQueries(directory);

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => BeirDataset.LoadAsync(directory.Path, "train"));

        Assert.Contains("train.tsv", error.Message, StringComparison.Ordinal);
    }

    private static void WriteCorpusAndQueries(TempDirectory directory)
    {
        directory.File("corpus.jsonl", """
            {"_id":"d1","title":"Attention","text":"Attention weighs tokens."}
            {"_id":"d2","title":"BLEU","text":"BLEU counts n-grams."}
            {"_id":"d3","text":"Untitled document."}
            """);
        directory.File("queries.jsonl", """
            {"_id":"q1","text":"what is attention"}
            {"_id":"q2","text":"what is bleu"}
            {"_id":"q3","text":"dev query"}
            {"_id":"q4","text":"query without judgements"}
            """);
    }
}
