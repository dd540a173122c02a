using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;
using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Rag.Tests;

public sealed class IngestionLabelTests : IAsyncLifetime
{
    private readonly TestPlatform _platform = TestPlatform.Create();

    private DocumentIngestionService Ingestion => _platform.Get<DocumentIngestionService>();

    public Task InitializeAsync()
    {
        _platform.WriteDocument("nlp.md", "# Attention\n\nSelf-attention relates every token of a sentence to every other token.");
        _platform.WriteDocument("vision.md", "# Patches\n\nVision transformers use attention over image patches.");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Tags_and_metadata_given_at_ingestion_are_stored_trimmed_and_used_by_the_answer_filter()
    {
        await Ingestion.IngestAsync(
            [Path.Combine(_platform.DocumentsPath, "nlp.md")],
            new IngestionRunOptions(Tags: [" course:nlp ", "week3", "week3"], Metadata: new Dictionary<string, string> { ["owner"] = "tim" }));
        await Ingestion.IngestAsync([Path.Combine(_platform.DocumentsPath, "vision.md")], new IngestionRunOptions(Tags: ["course:cv"]));

        var nlp = Assert.Single(await _platform.Get<IChunkStore>().ListDocumentsAsync(), document => document.SourcePath.EndsWith("nlp.md", StringComparison.Ordinal));
        Assert.Equal(["course:nlp", "week3"], nlp.Tags);
        Assert.Equal("tim", nlp.Metadata["owner"]);

        var answer = await _platform.Get<IQuestionAnswerer>().AskAsync(
            new AskRequest("What does attention relate?", Filter: new SearchFilter(Tags: ["course:cv"])));
        Assert.All(answer.Context, scored => Assert.EndsWith("vision.md", scored.Chunk.SourcePath, StringComparison.Ordinal));
        Assert.NotEmpty(answer.Context);
    }

    [Fact]
    public async Task Ingesting_an_unchanged_file_with_other_labels_updates_them()
    {
        var path = Path.Combine(_platform.DocumentsPath, "nlp.md");
        await Ingestion.IngestAsync([path], new IngestionRunOptions(Tags: ["week3"]));

        var same = await Ingestion.IngestAsync([path], new IngestionRunOptions(Tags: ["week3"]));
        var relabelled = await Ingestion.IngestAsync([path], new IngestionRunOptions(Tags: ["week4"], Metadata: new Dictionary<string, string> { ["owner"] = "ana" }));

        Assert.Equal(IngestionOutcome.Unchanged, Assert.Single(same.Files).Outcome);
        Assert.Equal(IngestionOutcome.Updated, Assert.Single(relabelled.Files).Outcome);
        var stored = Assert.Single(await _platform.Get<IChunkStore>().ListDocumentsAsync());
        Assert.Equal(["week4"], stored.Tags);
        Assert.Equal("ana", stored.Metadata["owner"]);
    }

    [Theory]
    [InlineData("", null, "tags: a tag is empty")]
    [InlineData("bad\ttag", null, "control character")]
    [InlineData(null, "owner.name", "metadata key 'owner.name' is invalid")]
    public async Task Malformed_labels_are_refused_naming_the_field(string? tag, string? metadataKey, string expected)
    {
        var options = new IngestionRunOptions(
            Tags: tag is null ? null : [tag],
            Metadata: metadataKey is null ? null : new Dictionary<string, string> { [metadataKey] = "x" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Ingestion.IngestAsync([_platform.DocumentsPath], options));

        Assert.Contains(expected, error.Message);
        Assert.Empty(await _platform.Get<IChunkStore>().ListDocumentsAsync());
    }
}
