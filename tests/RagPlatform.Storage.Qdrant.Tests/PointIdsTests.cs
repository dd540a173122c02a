namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class PointIdsTests
{
    [Fact]
    public void Version5_uuids_match_the_rfc_algorithm()
    {
        // uuid5(NAMESPACE_DNS, "www.example.com"), as Python's uuid module computes it.
        var id = PointIds.CreateVersion5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), id);
    }

    [Fact]
    public void Chunk_ids_are_name_based_on_document_id_and_index_so_they_never_change()
    {
        Assert.Equal("569fc01f-aba9-5c96-adaf-8fd36825b7be", PointIds.ForChunk("doc-1", 0));
        Assert.Equal("69a809a4-62a4-5121-a8e6-49e772c5723e", PointIds.ForChunk("doc-1", 1));
        Assert.Equal("b002da6e-4cc6-57b6-901a-a24078041ce0", PointIds.ForDocument("doc-1"));
    }

    [Fact]
    public void Ids_differ_by_document_by_index_and_between_chunks_and_records()
    {
        string[] ids = [PointIds.ForChunk("doc-1", 0), PointIds.ForChunk("doc-1", 1), PointIds.ForChunk("doc-2", 0), PointIds.ForDocument("doc-1"), PointIds.EmbeddingSignature];

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
