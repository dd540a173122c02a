using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Storage;

namespace RagPlatform.Storage.Contract;

/// <summary>
/// Tag, metadata and document filters every <see cref="IChunkStore"/> must apply alike in keyword and dense search.
/// Compiled into each store's test project, where <see cref="StoreFactAttribute"/> says when the store is available.
/// </summary>
public abstract class StoreFilterContract : IAsyncLifetime
{
    private static readonly DateTimeOffset IngestedAt = new(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

    private static readonly LabelledDocument NlpWeek3 = new(
        "nlp-w3", "Attention weights every token in a sequence.", [1f, 0f, 0f],
        ["course:nlp", "week3"], new Dictionary<string, string> { ["owner"] = "tim", ["level"] = "intro" });

    private static readonly LabelledDocument NlpWeek4 = new(
        "nlp-w4", "Attention heads run in parallel over tokens.", [0.9f, 0.1f, 0f],
        ["course:nlp", "week4"], new Dictionary<string, string> { ["owner"] = "ana" });

    private static readonly LabelledDocument VisionWeek3 = new(
        "cv-w3", "Attention maps cover the image patches.", [0.8f, 0f, 0.2f],
        ["course:cv", "week3"], new Dictionary<string, string> { ["owner"] = "tim" });

    private IChunkStore? _store;

    protected IChunkStore Store => _store ?? throw new InvalidOperationException("The store was not opened.");

    /// <summary>Opens an empty store of the kind under test.</summary>
    protected abstract Task<IChunkStore> OpenEmptyStoreAsync();

    /// <summary>Disposes the store and removes what it wrote.</summary>
    protected abstract Task DeleteStoreAsync(IChunkStore store);

    public async Task InitializeAsync()
    {
        _store = await OpenEmptyStoreAsync();
        await Store.SetEmbeddingSignatureAsync(new EmbeddingSignature("filter-contract", 3));
        foreach (var document in new[] { NlpWeek3, NlpWeek4, VisionWeek3 })
        {
            await document.StoreAsync(Store, IngestedAt);
        }
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DeleteStoreAsync(_store);
        }
    }

    [StoreFact]
    public async Task Tags_and_metadata_are_stored_with_the_document()
    {
        var stored = await Store.GetDocumentAsync(NlpWeek3.Id);

        Assert.Equal(NlpWeek3.Tags, stored!.Tags);
        Assert.Equal(NlpWeek3.Metadata, stored.Metadata);
        var listed = Assert.Single(await Store.ListDocumentsAsync(), document => document.Id == VisionWeek3.Id);
        Assert.Equal(VisionWeek3.Tags, listed.Tags);
        Assert.Equal(VisionWeek3.Metadata, listed.Metadata);
    }

    [StoreFact]
    public async Task A_tag_filter_admits_the_documents_carrying_the_tag()
    {
        Assert.Equal([NlpWeek3.Id, NlpWeek4.Id], await FoundDocumentsAsync(new SearchFilter(Tags: ["course:nlp"])));
    }

    [StoreFact]
    public async Task Several_tags_must_all_be_carried()
    {
        Assert.Equal([NlpWeek3.Id], await FoundDocumentsAsync(new SearchFilter(Tags: ["course:nlp", "week3"])));
    }

    [StoreFact]
    public async Task A_metadata_filter_admits_the_documents_with_that_exact_value()
    {
        Assert.Equal([VisionWeek3.Id, NlpWeek3.Id], await FoundDocumentsAsync(new SearchFilter(Metadata: Meta(("owner", "tim")))));
        Assert.Empty(await FoundDocumentsAsync(new SearchFilter(Metadata: Meta(("owner", "Tim")))));
    }

    [StoreFact]
    public async Task Several_metadata_entries_must_all_match()
    {
        Assert.Equal([NlpWeek3.Id], await FoundDocumentsAsync(new SearchFilter(Metadata: Meta(("owner", "tim"), ("level", "intro")))));
        Assert.Empty(await FoundDocumentsAsync(new SearchFilter(Metadata: Meta(("owner", "ana"), ("level", "intro")))));
    }

    [StoreFact]
    public async Task Document_ids_tags_and_metadata_combine_with_and()
    {
        var filter = new SearchFilter(DocumentIds: [NlpWeek4.Id, VisionWeek3.Id], Tags: ["week3"], Metadata: Meta(("owner", "tim")));

        Assert.Equal([VisionWeek3.Id], await FoundDocumentsAsync(filter));
        Assert.Empty(await FoundDocumentsAsync(filter with { Tags = ["week3", "course:nlp"] }));
    }

    [StoreFact]
    public async Task An_unknown_tag_admits_nothing()
    {
        Assert.Empty(await FoundDocumentsAsync(new SearchFilter(Tags: ["week9"])));
    }

    [StoreFact]
    public async Task Writing_a_document_again_replaces_its_tags_and_metadata()
    {
        var relabelled = NlpWeek4 with { Tags = ["week3"], Metadata = Meta(("owner", "tim")) };
        await relabelled.StoreAsync(Store, IngestedAt);

        Assert.Equal([VisionWeek3.Id, NlpWeek3.Id, NlpWeek4.Id], await FoundDocumentsAsync(new SearchFilter(Tags: ["week3"], Metadata: Meta(("owner", "tim")))));
        Assert.Equal([NlpWeek3.Id], await FoundDocumentsAsync(new SearchFilter(Tags: ["course:nlp"])));
        Assert.Equal(["week3"], (await Store.GetDocumentAsync(NlpWeek4.Id))!.Tags);
    }

    /// <summary>The documents both keyword and dense search find under <paramref name="filter"/>, sorted by id.</summary>
    private async Task<IReadOnlyList<string>> FoundDocumentsAsync(SearchFilter filter)
    {
        var keyword = await Store.KeywordSearchAsync("attention", 10, filter);
        var dense = await Store.VectorSearchAsync(new[] { 1f, 0f, 0f }, 10, filter);
        var keywordDocuments = keyword.Select(hit => hit.Chunk.DocumentId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(keywordDocuments, dense.Select(hit => hit.Chunk.DocumentId).Order(StringComparer.Ordinal));
        return keywordDocuments;
    }

    private static Dictionary<string, string> Meta(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(entry => entry.Key, entry => entry.Value);

    private sealed record LabelledDocument(
        string Id, string Text, float[] Vector, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Metadata)
    {
        public Task StoreAsync(IChunkStore store, DateTimeOffset ingestedAt)
        {
            var path = $"course/{Id}.md";
            var document = new DocumentInfo(Id, path, Id, "md", "hash-" + Id, Text.Length, "en", ingestedAt, 1) { Tags = Tags, Metadata = Metadata };
            var chunk = new Chunk(Chunk.CreateId(Id, 0), Id, 0, Text, path, Id, "", null, 0, Text.Length, 8);
            return store.UpsertDocumentAsync(document, Text, [chunk], [Vector]);
        }
    }
}
