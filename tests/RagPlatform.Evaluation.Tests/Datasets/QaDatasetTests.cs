using RagPlatform.Evaluation.Datasets;

namespace RagPlatform.Evaluation.Tests.Datasets;

public sealed class QaDatasetTests
{
    [Fact]
    public async Task Loads_items_with_all_fields_and_defaults()
    {
        using var directory = new TempDirectory();
        var path = directory.File("qa.jsonl", """
            {"id":"q001","question":"Apa itu attention?","answers":["mekanisme pembobotan"],"passages":[{"source":"corpus/id/a.md","text":"Attention adalah mekanisme pembobotan."}],"answerable":true,"language":"ID","tags":["attention","basics"]}

            {"id":"q002","question":"Who won the 2030 world cup?","answerable":false,"language":"en"}
            {"id":"q003","question":"What is BLEU?","answers":["a precision-based MT metric"]}
            """);

        var dataset = await QaDataset.LoadAsync(path);

        Assert.Equal("qa", dataset.Name);
        Assert.Equal(64, dataset.Sha256.Length);
        Assert.Equal(["q001", "q002", "q003"], dataset.Items.Select(item => item.Id));
        var first = dataset.Items[0];
        Assert.Equal("id", first.Language);
        Assert.Equal(["attention", "basics"], first.Tags);
        Assert.Equal(new QaPassage("corpus/id/a.md", "Attention adalah mekanisme pembobotan."), Assert.Single(first.Passages));
        Assert.False(dataset.Items[1].Answerable);
        Assert.Empty(dataset.Items[1].Answers);
        Assert.True(dataset.Items[2].Answerable);
        Assert.Null(dataset.Items[2].Language);
    }

    [Theory]
    [InlineData("{\"id\":\"q2\",\"answers\":[\"x\"]}", "qa.jsonl line 2: missing 'question'")]
    [InlineData("{\"question\":\"Why?\",\"answers\":[\"x\"]}", "qa.jsonl line 2: missing 'id'")]
    [InlineData("{\"id\":\"q2\",\"question\":\"Why?\"", "qa.jsonl line 2: not valid JSON")]
    [InlineData("[1,2]", "qa.jsonl line 2: expected one JSON object per line")]
    [InlineData("{\"id\":\"q1\",\"question\":\"Why?\",\"answers\":[\"x\"]}", "qa.jsonl line 2: duplicate id 'q1' (first used on line 1)")]
    [InlineData("{\"id\":\"q2\",\"question\":\"Why?\",\"answerable\":true}", "qa.jsonl line 2: 'answerable' is true but 'answers' is empty")]
    [InlineData("{\"id\":\"q2\",\"question\":\"Why?\",\"answers\":\"x\"}", "qa.jsonl line 2: 'answers' must be an array")]
    [InlineData("{\"id\":\"q2\",\"question\":\"Why?\",\"answers\":[\"x\"],\"passages\":[{\"source\":\"a.md\"}]}", "qa.jsonl line 2: 'passages[0]' is missing 'text'")]
    [InlineData("{\"id\":\"q2\",\"question\":\"Why?\",\"answers\":[\"x\"],\"answerable\":\"yes\"}", "qa.jsonl line 2: 'answerable' must be true or false")]
    public async Task Bad_lines_are_reported_with_file_and_line(string badLine, string expectedStart)
    {
        using var directory = new TempDirectory();
        var path = directory.File("qa.jsonl", "{\"id\":\"q1\",\"question\":\"What?\",\"answers\":[\"x\"]}\n" + badLine + "\n");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => QaDataset.LoadAsync(path));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public async Task Empty_and_missing_files_are_rejected_clearly()
    {
        using var directory = new TempDirectory();
        var empty = directory.File("empty.jsonl", "\n\n");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => QaDataset.LoadAsync(empty));
        Assert.Equal("empty.jsonl: contains no questions; expected one JSON object per line", error.Message);
        await Assert.ThrowsAsync<FileNotFoundException>(() => QaDataset.LoadAsync(Path.Combine(directory.Path, "missing.jsonl")));
    }
}
