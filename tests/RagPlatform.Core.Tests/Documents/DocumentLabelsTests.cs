using RagPlatform.Core.Documents;

namespace RagPlatform.Core.Tests.Documents;

public sealed class DocumentLabelsTests
{
    [Fact]
    public void Tags_are_trimmed_and_deduplicated_in_order()
    {
        Assert.Equal(["course:nlp", "week 3"], DocumentLabels.NormalizeTags([" course:nlp", "week 3 ", "course:nlp"], "--tag"));
    }

    [Fact]
    public void Metadata_entries_are_split_at_the_first_equals_sign()
    {
        var metadata = DocumentLabels.ParseMetadata(["owner = tim", "formula=a=b"], "--meta");

        Assert.Equal("tim", metadata["owner"]);
        Assert.Equal("a=b", metadata["formula"]);
    }

    [Theory]
    [InlineData("   ", "--tag: a tag is empty")]
    [InlineData("line\nbreak", "contains a control character")]
    public void Bad_tags_are_refused_naming_the_field(string tag, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => DocumentLabels.NormalizeTags([tag], "--tag"));

        Assert.Contains(expected, error.Message);
        Assert.Equal("--tag", error.ParamName);
    }

    [Fact]
    public void A_tag_over_the_length_limit_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DocumentLabels.NormalizeTags([new string('t', DocumentLabels.MaxTagLength + 1)], "tags"));

        Assert.Contains($"the limit is {DocumentLabels.MaxTagLength}", error.Message);
    }

    [Theory]
    [InlineData("owner", "'owner' is not of the form key=value")]
    [InlineData("=tim", "metadata key '' is invalid")]
    [InlineData("owner.name=tim", "metadata key 'owner.name' is invalid")]
    [InlineData("owner=", "value of metadata key 'owner' is empty")]
    public void Bad_metadata_entries_are_refused_naming_the_field(string entry, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => DocumentLabels.ParseMetadata([entry], "--meta"));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("--meta: ", error.Message);
    }

    [Fact]
    public void A_key_given_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DocumentLabels.ParseMetadata(["owner=tim", "owner=ana"], "metadata"));

        Assert.Contains("'owner' is given twice", error.Message);
    }
}
