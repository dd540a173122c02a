using RagPlatform.Prompts.Tests.Support;

namespace RagPlatform.Prompts.Tests;

public sealed class PromptLibraryLoadingTests
{
    [Fact]
    public async Task Loads_every_shipped_component_file()
    {
        var library = await ShippedLibrary.LoadAsync();

        foreach (var kind in PromptComponentKinds.All)
        {
            var files = Directory.GetFiles(Path.Combine(ShippedLibrary.Location, "components", kind.GetName()), "*.yaml");
            var components = library.GetComponents(kind);
            Assert.Equal(files.Length, components.Count);
            Assert.Equal(
                files.Select(file => $"components/{kind.GetName()}/{Path.GetFileName(file)}").Order(StringComparer.Ordinal),
                components.Select(component => component.SourceFile).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(PromptComponentKind.Persona, 5)]
    [InlineData(PromptComponentKind.Requirements, 4)]
    [InlineData(PromptComponentKind.Organization, 5)]
    [InlineData(PromptComponentKind.Medium, 5)]
    [InlineData(PromptComponentKind.Purpose, 5)]
    [InlineData(PromptComponentKind.Tone, 5)]
    public async Task Ships_enough_entries_of_each_kind_with_distinct_texts_in_both_languages(PromptComponentKind kind, int minimum)
    {
        var components = (await ShippedLibrary.LoadAsync()).GetComponents(kind);

        Assert.True(components.Count >= minimum, $"{kind} has {components.Count} entries, expected at least {minimum}.");
        foreach (var component in components)
        {
            Assert.Equal(kind, component.Kind);
            Assert.False(string.IsNullOrWhiteSpace(component.Description));
            Assert.NotEqual(component.GetText("en"), component.GetText("id"));
            Assert.True(component.GetText("en").Length > 40, $"{component.SourceFile}: English text is too short to be useful.");
            Assert.True(component.GetText("id").Length > 40, $"{component.SourceFile}: Indonesian text is too short to be useful.");
        }

        Assert.Equal(components.Count, components.Select(c => c.GetText("en")).Distinct().Count());
    }

    [Fact]
    public async Task Ships_the_required_templates_and_valid_defaults()
    {
        var library = await ShippedLibrary.LoadAsync();

        Assert.Subset(
            library.TemplateNames.ToHashSet(),
            new HashSet<string>
            {
                PromptTemplateNames.RagAnswer,
                PromptTemplateNames.System,
                PromptTemplateNames.PromptEngineer,
                PromptTemplateNames.SummarizeDocument,
                PromptTemplateNames.FollowUpQuestions,
            });
        Assert.Equal("research-assistant", library.Defaults.Persona);
        Assert.Equal(["grounded-only", "cite-sources", "match-question-language"], library.Defaults.Requirements);
        Assert.Equal(
            ["cite-sources"],
            library.GetComponents(PromptComponentKind.Requirements).Where(requirement => requirement.RequiresCitations).Select(requirement => requirement.Name));
    }

    [Fact]
    public async Task Template_configuration_carries_description_variables_and_execution_settings_and_is_a_fresh_copy()
    {
        var library = await ShippedLibrary.LoadAsync();

        var config = library.GetTemplate(PromptTemplateNames.RagAnswer);
        Assert.Equal("rag_answer", config.Name);
        Assert.False(string.IsNullOrWhiteSpace(config.Description));
        Assert.Contains(config.InputVariables, variable => variable is { Name: "question", IsRequired: true });
        Assert.Contains("default", config.ExecutionSettings.Keys);
        Assert.Contains("{{$context}}", config.Template);

        config.InputVariables.Clear();
        Assert.NotEmpty(library.GetTemplate(PromptTemplateNames.RagAnswer).InputVariables);
    }

    [Fact]
    public async Task Unknown_template_name_lists_the_valid_templates()
    {
        var library = await ShippedLibrary.LoadAsync();

        var error = Assert.Throws<PromptLibraryException>(() => library.CreateFunction("rag-answers"));

        Assert.Equal($"Unknown template 'rag-answers'. Valid templates: {string.Join(", ", library.TemplateNames)}.", error.Message);
    }

    [Fact]
    public async Task Missing_directory_is_reported_with_its_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "ragp-no-such-library-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<PromptLibraryException>(() => PromptLibrary.LoadAsync(missing));

        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData("name: broken\ndescription: [unclosed\ntext: {}\n", "line 2, column 14: ")]
    [InlineData("name: broken\ndescription: \"unterminated\ntext:\n  en: x\n", "line 2, column ")]
    [InlineData("name: broken\ndescription: d\ntext: just one string\n", "line 3, column 7: this value has the wrong shape; expected a mapping such as 'en: ...' and 'id: ...'.")]
    public async Task Malformed_yaml_names_the_file_and_line(string yaml, string expectedLocation)
    {
        using var library = new TemporaryLibrary();
        library.Write("components/tone/broken.yaml", yaml);

        var error = await library.LoadExpectingFailureAsync();

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("components/tone/broken.yaml: invalid YAML at " + expectedLocation, problem);
        Assert.Contains(problem, error.Message);
        Assert.Contains(library.Root, error.Message);
    }

    [Fact]
    public async Task Unknown_yaml_field_is_named()
    {
        using var library = new TemporaryLibrary();
        library.Write("components/tone/typo.yaml", "name: typo\ndescription: d\ntxt:\n  en: English\n  id: Indonesia\n");

        var error = await library.LoadExpectingFailureAsync();

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("components/tone/typo.yaml: invalid YAML at line 3, column 1: unknown field 'txt'", problem);
    }

    [Fact]
    public async Task Duplicate_names_in_a_kind_name_both_files()
    {
        using var library = new TemporaryLibrary();
        library.Write("components/tone/friendly-copy.yaml", library.Read("components/tone/friendly.yaml"));

        var error = await library.LoadExpectingFailureAsync();

        Assert.Equal(
            "components/tone/friendly.yaml: duplicate tone name 'friendly', already used by components/tone/friendly-copy.yaml. Give each entry its own name.",
            Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Missing_language_text_is_reported_per_language()
    {
        using var library = new TemporaryLibrary();
        library.Write("components/medium/poster.yaml", "name: poster\ndescription: A poster.\ntext:\n  en: Write it as a poster.\n");

        var error = await library.LoadExpectingFailureAsync();

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("components/medium/poster.yaml: text for language 'id' is missing", problem);
    }

    [Theory]
    [InlineData("name: Bad Name\ndescription: d\ntext: { en: English text, id: Teks Indonesia }\n", "name 'Bad Name' must be lower-case letters and digits joined by single hyphens")]
    [InlineData("name: no-description\ntext: { en: English text, id: Teks Indonesia }\n", "'description' is missing.")]
    [InlineData("name: french\ndescription: d\ntext: { en: English text, id: Teks Indonesia, fr: Texte }\n", "'text' has unknown language 'fr'. Valid languages: en, id.")]
    [InlineData("name: cites\ndescription: d\nrequires_citations: true\ntext: { en: English text, id: Teks Indonesia }\n", "'requires_citations' only applies to requirements, not to a tone.")]
    [InlineData("", "the file is empty.")]
    public async Task Invalid_entries_are_explained(string yaml, string expectedProblem)
    {
        using var library = new TemporaryLibrary();
        library.Write("components/tone/entry.yaml", yaml);

        var error = await library.LoadExpectingFailureAsync();

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("components/tone/entry.yaml: ", problem);
        Assert.Contains(expectedProblem, problem);
    }

    [Fact]
    public async Task Unknown_component_folder_lists_the_valid_kinds()
    {
        using var library = new TemporaryLibrary();
        library.Write("components/tones/warm.yaml", "name: warm\ndescription: d\ntext: { en: English text, id: Teks Indonesia }\n");

        var error = await library.LoadExpectingFailureAsync();

        Assert.Equal(
            "components/tones/: is not a component kind. Valid kinds: persona, requirements, organization, medium, purpose, tone.",
            Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Malformed_template_configuration_names_the_file()
    {
        using var library = new TemporaryLibrary();
        library.Write("templates/rag-answer/config.json", "{ \"description\": \"oops\", ");

        var error = await library.LoadExpectingFailureAsync();

        Assert.StartsWith("templates/rag-answer/config.json: is not a valid prompt configuration: ", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Misspelt_configuration_field_is_reported()
    {
        using var library = new TemporaryLibrary();
        library.Write(
            "templates/follow-up-questions/config.json",
            library.Read("templates/follow-up-questions/config.json").Replace("\"is_required\"", "\"is_requried\""));

        var error = await library.LoadExpectingFailureAsync();

        Assert.All(error.Problems, problem => Assert.StartsWith(
            "templates/follow-up-questions/config.json: unknown input variable field 'is_requried'. Valid fields: ", problem));
        Assert.Equal(2, error.Problems.Count);
    }

    [Theory]
    [InlineData("{ \"name\": \"other\", \"description\": \"d\" }", "must not contain 'name'; the folder name is the template name.")]
    [InlineData("{ \"description\": \"d\", \"template\": \"Hi\" }", "must not contain 'template'; the template text belongs in skprompt.txt.")]
    [InlineData("{ \"description\": \" \" }", "'description' is missing; say what the template is for.")]
    [InlineData("{ \"description\": \"d\", \"template_format\": \"handlebars\" }", "template_format 'handlebars' is not supported; only 'semantic-kernel' templates can be loaded.")]
    public async Task Template_configuration_rules_are_enforced(string json, string expectedProblem)
    {
        using var library = new TemporaryLibrary();
        library.Write("templates/custom/skprompt.txt", "Hello.");
        library.Write("templates/custom/config.json", json);

        var error = await library.LoadExpectingFailureAsync();

        Assert.Equal("templates/custom/config.json: " + expectedProblem, Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Template_text_using_an_undeclared_variable_is_reported()
    {
        using var library = new TemporaryLibrary();
        library.Write(
            "templates/follow-up-questions/skprompt.txt",
            library.Read("templates/follow-up-questions/skprompt.txt") + "\n{{$audience}}");

        var error = await library.LoadExpectingFailureAsync();

        Assert.Equal(
            "templates/follow-up-questions/skprompt.txt: uses variable(s) 'audience' that templates/follow-up-questions/config.json does not declare in input_variables.",
            Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Template_with_invalid_syntax_is_reported()
    {
        using var library = new TemporaryLibrary();
        library.Write("templates/follow-up-questions/skprompt.txt", "{{$question $answer}}");

        var error = await library.LoadExpectingFailureAsync();

        Assert.StartsWith(
            "templates/follow-up-questions/skprompt.txt: is not a valid Semantic Kernel template: ",
            Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Chat_template_that_is_not_well_formed_xml_is_reported()
    {
        using var library = new TemporaryLibrary();
        library.Write(
            "templates/follow-up-questions/skprompt.txt",
            library.Read("templates/follow-up-questions/skprompt.txt").Replace("exactly 3 follow-up questions", "3 (< 4) questions & no more"));

        var error = await library.LoadExpectingFailureAsync();

        Assert.StartsWith(
            "templates/follow-up-questions/skprompt.txt: is not a well-formed chat prompt. Template 'follow-up-questions' did not render to a valid chat prompt: ",
            Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Template_folder_without_its_text_is_reported()
    {
        using var library = new TemporaryLibrary();
        library.Delete("templates/summarize-document/skprompt.txt");

        var error = await library.LoadExpectingFailureAsync();

        Assert.StartsWith("templates/summarize-document/: skprompt.txt is missing", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Defaults_naming_an_unknown_component_list_the_valid_names()
    {
        using var library = new TemporaryLibrary();
        library.Write("defaults.yaml", library.Read("defaults.yaml").Replace("tone: professional", "tone: sarcastic"));

        var error = await library.LoadExpectingFailureAsync();

        var shipped = await ShippedLibrary.LoadAsync();
        var tones = string.Join(", ", shipped.GetComponents(PromptComponentKind.Tone).Select(tone => tone.Name));
        Assert.Equal($"defaults.yaml: Unknown tone 'sarcastic'. Valid tones: {tones}.", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Every_problem_is_reported_in_one_load()
    {
        using var library = new TemporaryLibrary();
        library.Write("components/persona/half.yaml", "name: half\ndescription: d\ntext:\n  id: Hanya bahasa Indonesia di sini.\n");
        library.Write("templates/system/config.json", "[]");

        var error = await library.LoadExpectingFailureAsync();

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, problem => problem.StartsWith("components/persona/half.yaml: text for language 'en' is missing", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.StartsWith("templates/system/config.json: ", StringComparison.Ordinal));
        Assert.Contains("has 2 problems", error.Message);
    }
}
