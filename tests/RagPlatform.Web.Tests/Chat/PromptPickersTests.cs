using RagPlatform.Prompts;
using RagPlatform.Web.Chat;
using RagPlatform.Web.Components.Chat;

namespace RagPlatform.Web.Tests.Chat;

public sealed class PromptPickersTests : IAsyncDisposable
{
    private static readonly PromptPicker Persona = new(
        "persona", "Persona", [new("tutor", "Patient tutor"), new("lecturer", "University lecturer")], ["tutor"], AllowsSeveral: false);

    private static readonly PromptPicker Requirements = new(
        "requirements", "Requirements", [new("cite-sources", "Cite"), new("concise", "Short"), new("grounded-only", "Only sources")],
        ["cite-sources", "grounded-only"], AllowsSeveral: true);

    private readonly BunitContext _context = new();

    [Fact]
    public void Each_picker_has_a_label_bound_to_its_control()
    {
        var cut = Render(new Dictionary<string, string>());

        var select = cut.Find("select#prompt-persona");
        Assert.Equal("Persona", cut.Find("label[for='prompt-persona']").TextContent);
        Assert.Equal(["Default (tutor)", "tutor", "lecturer"], select.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Equal("University lecturer", select.QuerySelectorAll("option")[2].GetAttribute("title"));
        Assert.Equal("Requirements", cut.Find("fieldset.picker-group legend").TextContent);
        Assert.Equal("concise", cut.Find("label[for='prompt-requirements-concise']").TextContent);
    }

    [Fact]
    public void Choosing_a_persona_reports_it_and_choosing_default_removes_it()
    {
        IReadOnlyDictionary<string, string>? changed = null;
        var cut = Render(new Dictionary<string, string> { ["tone"] = "friendly" }, selection => changed = selection);

        cut.Find("select#prompt-persona").Change("lecturer");
        Assert.Equal(new Dictionary<string, string> { ["tone"] = "friendly", ["persona"] = "lecturer" }, changed);

        cut = Render(new Dictionary<string, string> { ["persona"] = "lecturer" }, selection => changed = selection);
        cut.Find("select#prompt-persona").Change("");
        Assert.Empty(changed!);
    }

    [Fact]
    public void Requirements_start_from_the_defaults_and_toggle_as_a_list()
    {
        IReadOnlyDictionary<string, string>? changed = null;
        var cut = Render(new Dictionary<string, string>(), selection => changed = selection);

        var boxes = cut.FindAll("input[type=checkbox]");
        Assert.Equal([true, false, true], boxes.Select(box => box.HasAttribute("checked")));

        cut.Find("#prompt-requirements-concise").Change(true);
        Assert.Equal("cite-sources,concise,grounded-only", changed!["requirements"]);

        cut.Find("#prompt-requirements-cite-sources").Change(false);
        Assert.Equal("grounded-only", changed!["requirements"]);
    }

    [Fact]
    public async Task Pickers_are_built_from_every_kind_of_the_shipped_library()
    {
        var library = await PromptLibrary.LoadAsync(Path.Combine(AppContext.BaseDirectory, "prompts"));

        var pickers = PromptPickerSource.FromLibrary(library);

        Assert.Equal(["persona", "organization", "medium", "purpose", "tone", "requirements"], pickers.Select(p => p.Kind));
        Assert.All(pickers, picker => Assert.NotEmpty(picker.Options));
        Assert.All(pickers, picker => Assert.All(picker.Defaults, name => Assert.Contains(picker.Options, o => o.Name == name)));
        Assert.True(pickers[^1].AllowsSeveral);
        Assert.Equal(library.Defaults.Persona, Assert.Single(pickers[0].Defaults));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<PromptPickers> Render(IReadOnlyDictionary<string, string> selection, Action<IReadOnlyDictionary<string, string>>? changed = null) =>
        _context.Render<PromptPickers>(parameters => parameters
            .Add(p => p.Pickers, [Persona, Requirements])
            .Add(p => p.Selection, selection)
            .Add(p => p.SelectionChanged, changed ?? (_ => { })));
}
