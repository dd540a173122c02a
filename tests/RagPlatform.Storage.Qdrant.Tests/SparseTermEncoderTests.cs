namespace RagPlatform.Storage.Qdrant.Tests;

public sealed class SparseTermEncoderTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    [InlineData("bahasa", 0x0BF65997u)]
    public void Term_indices_are_32_bit_fnv1a_of_the_utf8_bytes(string term, uint expected)
    {
        Assert.Equal(expected, SparseTermEncoder.HashTerm(term));
    }

    [Fact]
    public void Non_ascii_terms_hash_their_utf8_bytes()
    {
        Assert.Equal(0x4C49DADAu, SparseTermEncoder.HashTerm("pengetahuán"));
    }

    [Fact]
    public void A_document_vector_has_ascending_unique_indices_with_term_frequencies()
    {
        var vector = SparseTermEncoder.EncodeDocument(["gamma", "alpha", "beta", "alpha", "gamma", "alpha"]);

        Assert.Equal([1569418667u, 2944525511u, 3492353034u], vector.Indices);
        Assert.Equal([3f, 1f, 2f], vector.Values);
    }

    [Fact]
    public void A_query_vector_weighs_each_distinct_term_once()
    {
        var vector = SparseTermEncoder.EncodeQuery(["alpha", "alpha", "beta"]);

        Assert.Equal([1569418667u, 2944525511u], vector.Indices);
        Assert.Equal([1f, 1f], vector.Values);
    }

    [Fact]
    public void Colliding_terms_share_one_index_and_add_up()
    {
        // "costarring" and "liquid" have the same 32-bit FNV-1a hash.
        var document = SparseTermEncoder.EncodeDocument(["costarring", "liquid", "liquid"]);
        var query = SparseTermEncoder.EncodeQuery(["costarring", "liquid"]);

        Assert.Equal([1582148253u], document.Indices);
        Assert.Equal([3f], document.Values);
        Assert.Equal([2f], query.Values);
    }

    [Fact]
    public void No_terms_give_an_empty_vector()
    {
        var vector = SparseTermEncoder.EncodeDocument([]);

        Assert.Empty(vector.Indices);
        Assert.Empty(vector.Values);
    }
}
