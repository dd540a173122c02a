using RagPlatform.Core.Documents;

namespace RagPlatform.Prompts.Tests;

public sealed class PromptSelectionTests
{
    [Fact]
    public void Components_by_kind_name_map_to_a_selection()
    {
        var selection = PromptSelection.FromComponents(
            new Dictionary<string, string>
            {
                ["Persona"] = "tutor",
                ["requirements"] = "concise, cite-sources ,",
                ["tone"] = " friendly ",
                ["medium"] = "",
            },
            "id");

        Assert.Equal("id", selection.Language);
        Assert.Equal("tutor", selection.Persona);
        Assert.Equal(["concise", "cite-sources"], selection.Requirements);
        Assert.Equal("friendly", selection.Tone);
        Assert.Null(selection.Medium);
        Assert.Null(selection.Organization);
        Assert.Null(selection.Purpose);
    }

    [Fact]
    public void No_components_selects_every_default()
    {
        Assert.Equal(new PromptSelection(), PromptSelection.FromComponents(null));
    }

    [Fact]
    public void Unknown_component_kind_lists_the_valid_kinds()
    {
        var error = Assert.Throws<PromptLibraryException>(() =>
            PromptSelection.FromComponents(new Dictionary<string, string> { ["style"] = "fun" }));

        Assert.Equal("Unknown component kind 'style'. Valid kinds: persona, requirements, organization, medium, purpose, tone.", error.Message);
    }

    [Theory]
    [InlineData("Handbook", "Leave", 3, "Handbook > Leave (p. 3)")]
    [InlineData("Handbook", "", null, "Handbook")]
    [InlineData("", "Intro", null, "docs/handbook.md > Intro")]
    public void Chunk_passages_are_labelled_with_title_heading_and_page(string title, string headingPath, int? page, string expected)
    {
        var chunk = new Chunk("doc:0", "doc", 0, "Some text.", "docs/handbook.md", title, headingPath, page, 0, 10, 3);

        var passage = ContextPassage.FromChunk(chunk);

        Assert.Equal(new ContextPassage(expected, "Some text."), passage);
    }
}
