using System.Linq.Expressions;

namespace RagPlatform.Storage.VectorData.Tests;

public sealed class ChunkRecordFilterTests
{
    [Fact]
    public void Document_equality_with_a_captured_variable_restricts_to_that_document()
    {
        var documentId = "guide";

        var filter = Translate(r => r.DocumentId == documentId);

        Assert.Equal(["guide"], filter!.DocumentIds!);
        Assert.Null(filter.Tags);
        Assert.Null(filter.Metadata);
    }

    [Fact]
    public void Captured_lists_and_arrays_restrict_to_their_documents()
    {
        List<string> list = ["a", "b"];
        string[] array = ["b", "c"];

        var fromList = Translate(r => list.Contains(r.DocumentId));
        var fromArray = Translate(r => array.Contains(r.DocumentId));
        var both = Translate(r => list.Contains(r.DocumentId) && array.Contains(r.DocumentId));

        Assert.Equal(["a", "b"], fromList!.DocumentIds!.Order());
        Assert.Equal(["b", "c"], fromArray!.DocumentIds!.Order());
        Assert.Equal(["b"], both!.DocumentIds!);
    }

    [Fact]
    public void Tags_metadata_and_documents_combine_with_and()
    {
        var filter = Translate(r => r.Tags.Contains("course:nlp") && "owner-doc" == r.DocumentId && r.Tags.Contains("week:2") && r.Metadata["owner"] == "tim");

        Assert.Equal(["course:nlp", "week:2"], filter!.Tags!.Order());
        Assert.Equal(["owner-doc"], filter.DocumentIds!);
        Assert.Equal("tim", filter.Metadata!["owner"]);
        Assert.False(filter.MatchesNothing);
    }

    [Fact]
    public void Contradicting_conditions_match_nothing()
    {
        Assert.True(Translate(r => r.DocumentId == "a" && r.DocumentId == "b")!.MatchesNothing);
        Assert.True(Translate(r => r.Metadata["owner"] == "tim" && r.Metadata["owner"] == "ann")!.MatchesNothing);
    }

    [Fact]
    public void No_filter_and_true_do_not_restrict()
    {
        Assert.Null(ChunkRecordFilter.Translate(null));
        Assert.Null(Translate(r => true));
    }

    [Theory]
    [InlineData("or")]
    [InlineData("title")]
    [InlineData("not-equal")]
    [InlineData("text-contains")]
    public void Unsupported_forms_name_the_condition_and_list_the_supported_ones(string form)
    {
        Expression<Func<RagChunkRecord, bool>> filter = form switch
        {
            "or" => r => r.DocumentId == "a" || r.DocumentId == "b",
            "title" => r => r.Title == "Guide",
            "not-equal" => r => r.DocumentId != "a",
            _ => r => r.Text.Contains("attention"),
        };

        var error = Assert.Throws<NotSupportedException>(() => ChunkRecordFilter.Translate(filter));

        Assert.Contains("r.Tags.Contains(tag)", error.Message);
        Assert.Contains("ids.Contains(r.DocumentId)", error.Message);
        Assert.Contains("cannot be run", error.Message);
    }

    [Fact]
    public void A_null_value_is_reported_rather_than_matched()
    {
        string? missing = null;

        var error = Assert.Throws<NotSupportedException>(() => Translate(r => r.DocumentId == missing));

        Assert.Contains("null", error.Message);
    }

    private static Core.Retrieval.SearchFilter? Translate(Expression<Func<RagChunkRecord, bool>> filter) => ChunkRecordFilter.Translate(filter);
}
