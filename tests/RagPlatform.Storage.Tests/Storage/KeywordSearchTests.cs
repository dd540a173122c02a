using RagPlatform.Core.Retrieval;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

public sealed class KeywordSearchTests : IAsyncLifetime
{
    private readonly StoreFixture _fixture = new();

    public async Task InitializeAsync()
    {
        foreach (var document in CourseCorpus.All)
        {
            await document.StoreAsync(_fixture.Store);
        }
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData("How does LoRA reduce the number of trainable parameters?", "llm-notes-en:2")]
    [InlineData("What is byte-pair encoding?", "llm-notes-en:0")]
    [InlineData("How do queries and keys work in self-attention?", "llm-notes-en:1")]
    [InlineData("What does perplexity measure?", "llm-notes-en:4")]
    [InlineData("Apa itu tokenisasi?", "catatan-llm-id:0")]
    [InlineData("Bagaimana model dilatih dengan penurunan gradien?", "catatan-llm-id:2")]
    [InlineData("Bagaimana cara kerja mekanisme atensi?", "catatan-llm-id:1")]
    [InlineData("Bagaimana pencarian dokumen menemukan bagian yang relevan?", "catatan-llm-id:3")]
    [InlineData("Apa itu embeddings?", "llm-notes-en:3")]
    public async Task RanksTheRelevantChunkFirst(string query, string expectedChunkId)
    {
        var results = await _fixture.Store.KeywordSearchAsync(query, 3);

        Assert.Equal(expectedChunkId, results[0].Chunk.Id);
        Assert.True(results[0].Score > 0);
        Assert.Equal(results.OrderByDescending(r => r.Score).Select(r => r.Chunk.Id), results.Select(r => r.Chunk.Id));
    }

    [Fact]
    public async Task FindsWordsInflectedDifferentlyFromTheQuery()
    {
        var results = await _fixture.Store.KeywordSearchAsync("pelatihan menggunakan gradien", 1);

        Assert.Equal("catatan-llm-id:2", Assert.Single(results).Chunk.Id);
    }

    [Fact]
    public async Task FoldsDiacritics()
    {
        var results = await _fixture.Store.KeywordSearchAsync("resume", 5);

        Assert.Equal("llm-notes-en:4", Assert.Single(results).Chunk.Id);
    }

    [Fact]
    public async Task MatchesHeadingTerms()
    {
        var results = await _fixture.Store.KeywordSearchAsync("evaluation", 5);

        Assert.Equal("llm-notes-en:4", results[0].Chunk.Id);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(")]
    [InlineData("*")]
    [InlineData("OR")]
    [InlineData(")")]
    [InlineData("attention\" OR \"")]
    [InlineData("NEAR(attention keys, 2)")]
    [InlineData("token* AND NOT (")]
    [InlineData("body:attention ^keys")]
    [InlineData("'; DROP TABLE chunks; --")]
    public async Task HostileQueryTextNeverBreaksTheSearch(string query)
    {
        await _fixture.Store.KeywordSearchAsync(query, 5);

        Assert.Equal(9, (await _fixture.Store.ListDocumentsAsync()).Sum(d => d.ChunkCount));
    }

    [Fact]
    public async Task OperatorsInUserTextAreOrdinaryWords()
    {
        var results = await _fixture.Store.KeywordSearchAsync("NEAR(attention* \"keys\")", 5);

        Assert.Equal("llm-notes-en:1", results[0].Chunk.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the of what is apa itu yang")]
    [InlineData("?!;")]
    public async Task QueriesWithoutSearchableTermsFindNothing(string query) =>
        Assert.Empty(await _fixture.Store.KeywordSearchAsync(query, 5));

    [Fact]
    public async Task HonoursTheDocumentFilter()
    {
        var filter = new SearchFilter([CourseCorpus.IndonesianNotes.Document.Id]);

        var results = await _fixture.Store.KeywordSearchAsync("token tokenization tokenisasi", 10, filter);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(CourseCorpus.IndonesianNotes.Document.Id, r.Chunk.DocumentId));
    }

    [Fact]
    public async Task AnEmptyDocumentFilterFindsNothing() =>
        Assert.Empty(await _fixture.Store.KeywordSearchAsync("token", 10, new SearchFilter([])));

    [Fact]
    public async Task ReturnsAtMostTopResults() =>
        Assert.Equal(2, (await _fixture.Store.KeywordSearchAsync("token attention embeddings perplexity", 2)).Count);
}
