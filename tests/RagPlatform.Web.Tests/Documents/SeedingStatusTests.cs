using RagPlatform.Core.Storage;
using RagPlatform.Web.Components.Shared;
using RagPlatform.Web.Tests.Support;

namespace RagPlatform.Web.Tests.Documents;

public sealed class SeedingStatusTests : IAsyncDisposable
{
    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "ragp-web-tests", Guid.NewGuid().ToString("N"));
    private readonly WebTestContext _web;

    public SeedingStatusTests()
    {
        Directory.CreateDirectory(_corpus);
        File.WriteAllText(Path.Combine(_corpus, "attention.md"), "# Attention\n\nSelf-attention lets every token weigh every other token.");
        File.WriteAllText(Path.Combine(_corpus, "encoding.txt"), "Positional encodings add order information to token embeddings.");
        _web = new WebTestContext(new Dictionary<string, string?>
        {
            ["Store:IngestSampleCorpusWhenEmpty"] = "true",
            ["Store:SampleCorpusPath"] = _corpus,
        });
    }

    [Fact]
    public async Task The_first_visit_to_an_empty_store_indexes_the_sample_corpus_and_reports_it()
    {
        var ready = 0;

        var cut = _web.Bunit.Render<SeedingStatus>(parameters => parameters.Add(p => p.OnReady, () => ready++));

        cut.WaitForAssertion(() => Assert.StartsWith("Indexed 2 sample documents from", cut.Find("[role=status]").TextContent.Trim(), StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal(1, ready);
        Assert.Equal(2, (await _web.Get<IChunkStore>().ListDocumentsAsync()).Count);
    }

    [Fact]
    public async Task A_store_with_documents_is_left_alone_and_shows_nothing()
    {
        await TestAnswers.StoreDocumentAsync(_web.Get<IChunkStore>(), "/corpus/own.md");
        var ready = 0;

        var cut = _web.Bunit.Render<SeedingStatus>(parameters => parameters.Add(p => p.OnReady, () => ready++));

        cut.WaitForAssertion(() => Assert.Equal(1, ready));
        Assert.Empty(cut.Markup.Trim());
        Assert.Single(await _web.Get<IChunkStore>().ListDocumentsAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _web.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }
}
