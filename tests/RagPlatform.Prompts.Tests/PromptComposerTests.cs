using Microsoft.SemanticKernel.ChatCompletion;
using RagPlatform.Core.Answers;
using RagPlatform.Prompts.Tests.Support;

namespace RagPlatform.Prompts.Tests;

public sealed class PromptComposerTests
{
    private static readonly ContextPassage[] Passages =
    [
        new("Employee Handbook > Leave (p. 3)", "Full-time staff receive 12 days of paid annual leave."),
        new("HR Memo 2024", "Unused leave can be carried over for three months."),
        new("FAQ", "Leave requests go through the HR portal."),
    ];

    [Theory]
    [InlineData("en")]
    [InlineData("id")]
    public async Task Defaults_give_a_grounded_cited_answer_prompt_in_the_selected_language(string language)
    {
        var library = await ShippedLibrary.LoadAsync();
        var composer = new PromptComposer(library);

        var prompt = await composer.ComposeAnswerPromptAsync(new PromptSelection(language), "How many leave days do staff get?", Passages);

        var defaults = library.Defaults;
        var expectedOrder = new[]
        {
            library.GetComponent(PromptComponentKind.Persona, defaults.Persona),
            library.GetComponent(PromptComponentKind.Purpose, defaults.Purpose),
        }
        .Concat(defaults.Requirements.Select(name => library.GetComponent(PromptComponentKind.Requirements, name)))
        .Concat(
        [
            library.GetComponent(PromptComponentKind.Organization, defaults.Organization),
            library.GetComponent(PromptComponentKind.Medium, defaults.Medium),
            library.GetComponent(PromptComponentKind.Tone, defaults.Tone),
        ]).ToList();
        var positions = expectedOrder.Select(component => prompt.SystemPrompt.IndexOf(component.GetText(language), StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        foreach (var requirement in defaults.Requirements)
        {
            Assert.Contains("- " + library.GetComponent(PromptComponentKind.Requirements, requirement).GetText(language), prompt.SystemPrompt);
        }

        var otherLanguage = language == "en" ? "id" : "en";
        Assert.DoesNotContain(expectedOrder[0].GetText(otherLanguage), prompt.SystemPrompt);

        Assert.True(prompt.CitationsRequired);
        Assert.Contains("do not contain the answer", prompt.UserPrompt);
        Assert.Contains("<question>\nHow many leave days do staff get?\n</question>", prompt.UserPrompt);
        Assert.Equal(prompt.SystemPrompt, await composer.ComposeSystemPromptAsync(new PromptSelection(language)));
    }

    [Fact]
    public async Task Passages_are_numbered_in_order_with_their_source_labels_inside_the_context_section()
    {
        var composer = new PromptComposer(await ShippedLibrary.LoadAsync());

        var prompt = await composer.ComposeAnswerPromptAsync(new PromptSelection(), "How does leave work?", Passages);

        var context = Between(prompt.UserPrompt, "<context>\n", "\n</context>");
        Assert.Equal(
            """
            <document id="1" source="Employee Handbook > Leave (p. 3)">
            Full-time staff receive 12 days of paid annual leave.
            </document>

            <document id="2" source="HR Memo 2024">
            Unused leave can be carried over for three months.
            </document>

            <document id="3" source="FAQ">
            Leave requests go through the HR portal.
            </document>
            """.ReplaceLineEndings("\n"),
            context);
    }

    public static TheoryData<string, string[]> ChosenComponents => new()
    {
        { "en", ["lecturer", "teach", "numbered-steps", "slide-outline", "encouraging"] },
        { "id", ["lecturer", "teach", "numbered-steps", "slide-outline", "encouraging"] },
        { "en", ["legal-analyst", "decide", "compare-contrast", "email", "academic"] },
        { "id", ["physician", "explain", "problem-solution", "faq", "empathetic"] },
    };

    [Theory]
    [MemberData(nameof(ChosenComponents))]
    public async Task Chosen_components_replace_the_defaults(string language, string[] names)
    {
        var library = await ShippedLibrary.LoadAsync();
        var composer = new PromptComposer(library);
        var selection = new PromptSelection(
            language,
            Persona: names[0],
            Requirements: ["concise", "define-jargon"],
            Purpose: names[1],
            Organization: names[2],
            Medium: names[3],
            Tone: names[4]);

        var systemPrompt = await composer.ComposeSystemPromptAsync(selection);

        var chosen = new[]
        {
            library.GetComponent(PromptComponentKind.Persona, names[0]),
            library.GetComponent(PromptComponentKind.Purpose, names[1]),
            library.GetComponent(PromptComponentKind.Requirements, "concise"),
            library.GetComponent(PromptComponentKind.Requirements, "define-jargon"),
            library.GetComponent(PromptComponentKind.Organization, names[2]),
            library.GetComponent(PromptComponentKind.Medium, names[3]),
            library.GetComponent(PromptComponentKind.Tone, names[4]),
        };
        Assert.Equal(string.Join("\n\n", chosen[0].GetText(language), chosen[1].GetText(language), $"- {chosen[2].GetText(language)}\n- {chosen[3].GetText(language)}", chosen[4].GetText(language), chosen[5].GetText(language), chosen[6].GetText(language)), systemPrompt);
    }

    [Fact]
    public async Task Citation_requirement_propagates_to_the_instructions()
    {
        var library = await ShippedLibrary.LoadAsync();
        var composer = new PromptComposer(library);
        var citationRule = library.GetComponent(PromptComponentKind.Requirements, "cite-sources").GetText("en");

        var withoutCitations = await composer.ComposeAnswerPromptAsync(new PromptSelection(Requirements: ["concise"]), "Question?", Passages);
        var withCitations = await composer.ComposeAnswerPromptAsync(new PromptSelection(Requirements: ["concise", "cite-sources"]), "Question?", Passages);

        Assert.False(withoutCitations.CitationsRequired);
        Assert.DoesNotContain(citationRule, withoutCitations.SystemPrompt);
        Assert.DoesNotContain(citationRule, withoutCitations.UserPrompt);
        Assert.True(withCitations.CitationsRequired);
        Assert.Contains(citationRule, withCitations.SystemPrompt);
        Assert.Contains(citationRule, withCitations.UserPrompt);
        Assert.Contains("[1][3]", withCitations.UserPrompt);
    }

    [Fact]
    public async Task An_empty_requirements_list_means_none_and_leaves_no_gap()
    {
        var composer = new PromptComposer(await ShippedLibrary.LoadAsync());

        var systemPrompt = await composer.ComposeSystemPromptAsync(new PromptSelection(Requirements: []));

        Assert.DoesNotContain("\n- ", systemPrompt);
        Assert.DoesNotContain("\n\n\n", systemPrompt);
    }

    [Fact]
    public async Task Repeated_requirements_appear_once()
    {
        var composer = new PromptComposer(await ShippedLibrary.LoadAsync());

        var systemPrompt = await composer.ComposeSystemPromptAsync(new PromptSelection(Requirements: ["concise", "Concise", "concise"]));

        Assert.Single(systemPrompt.Split('\n'), line => line.StartsWith("- ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_component_names_list_the_valid_names_of_their_kind()
    {
        var library = await ShippedLibrary.LoadAsync();
        var composer = new PromptComposer(library);

        var tone = await Assert.ThrowsAsync<PromptLibraryException>(() => composer.ComposeSystemPromptAsync(new PromptSelection(Tone: "sarcastic")));
        var requirement = await Assert.ThrowsAsync<PromptLibraryException>(() => composer.ComposeSystemPromptAsync(new PromptSelection(Requirements: ["concise", "rhyming"])));
        var medium = await Assert.ThrowsAsync<PromptLibraryException>(() => composer.ComposeSystemPromptAsync(new PromptSelection(Medium: "fax")));

        Assert.Equal($"Unknown tone 'sarcastic'. Valid tones: {Names(library, PromptComponentKind.Tone)}.", tone.Message);
        Assert.StartsWith("Unknown tone 'sarcastic'. Valid tones: academic, concise-neutral, ", tone.Message);
        Assert.Equal($"Unknown requirement 'rhyming'. Valid requirements: {Names(library, PromptComponentKind.Requirements)}.", requirement.Message);
        Assert.Equal($"Unknown medium 'fax'. Valid media: {Names(library, PromptComponentKind.Medium)}.", medium.Message);
    }

    [Fact]
    public async Task Unknown_language_lists_the_valid_languages()
    {
        var composer = new PromptComposer(await ShippedLibrary.LoadAsync());

        var error = await Assert.ThrowsAsync<PromptLibraryException>(() => composer.ComposeSystemPromptAsync(new PromptSelection("fr")));

        Assert.Equal("Unknown language 'fr'. Valid languages: en, id.", error.Message);
    }

    [Fact]
    public async Task Chat_history_holds_system_then_earlier_turns_in_order_then_the_new_prompt()
    {
        var composer = new PromptComposer(await ShippedLibrary.LoadAsync());
        ConversationTurn[] history =
        [
            new("Berapa hari cuti tahunan?", "Dua belas hari [1]."),
            new("Bisa dibawa ke tahun berikutnya?", "Ya, selama tiga bulan [2]."),
        ];

        var prompt = await composer.ComposeAnswerPromptAsync(new PromptSelection("id"), "Lewat mana pengajuannya?", Passages, history);
        var chat = prompt.ToChatHistory();

        Assert.Equal(
            [
                (AuthorRole.System, prompt.SystemPrompt),
                (AuthorRole.User, "Berapa hari cuti tahunan?"),
                (AuthorRole.Assistant, "Dua belas hari [1]."),
                (AuthorRole.User, "Bisa dibawa ke tahun berikutnya?"),
                (AuthorRole.Assistant, "Ya, selama tiga bulan [2]."),
                (AuthorRole.User, prompt.UserPrompt),
            ],
            chat.Select(message => (message.Role, message.Content)));
        Assert.NotSame(chat, prompt.ToChatHistory());
    }

    [Fact]
    public async Task Library_text_reaches_the_prompt_without_html_entities()
    {
        var composer = new PromptComposer(await ShippedLibrary.LoadAsync());

        var prompt = await composer.ComposeAnswerPromptAsync(new PromptSelection(Medium: "email"), "What's next?", Passages);

        Assert.Contains("Leave the sender's name as \"[Your name]\".", prompt.SystemPrompt);
        Assert.Contains("What's next?", prompt.UserPrompt);
        Assert.DoesNotContain("&#39;", prompt.SystemPrompt + prompt.UserPrompt);
        Assert.DoesNotContain("&quot;", prompt.SystemPrompt + prompt.UserPrompt);
    }

    [Fact]
    public async Task A_blank_question_is_rejected()
    {
        var composer = new PromptComposer(await ShippedLibrary.LoadAsync());

        await Assert.ThrowsAsync<ArgumentException>(() => composer.ComposeAnswerPromptAsync(new PromptSelection(), "  ", Passages));
    }

    [Fact]
    public async Task A_library_without_the_answer_template_is_rejected_by_the_composer()
    {
        using var temporary = new TemporaryLibrary();
        Directory.Delete(Path.Combine(temporary.Root, "templates", "rag-answer"), recursive: true);
        var library = await PromptLibrary.LoadAsync(temporary.Root);

        var error = Assert.Throws<PromptLibraryException>(() => new PromptComposer(library));

        Assert.Contains("no 'rag-answer' template", error.Message);
    }

    [Fact]
    public async Task An_answer_template_edited_into_a_single_message_is_reported()
    {
        using var temporary = new TemporaryLibrary();
        temporary.Write(
            "templates/rag-answer/skprompt.txt",
            "<message role=\"user\">{{$system}} {{$citation_rule}} <context>{{$context}}</context> {{$question}}</message>");
        var composer = new PromptComposer(await PromptLibrary.LoadAsync(temporary.Root));

        var error = await Assert.ThrowsAsync<PromptLibraryException>(() => composer.ComposeAnswerPromptAsync(new PromptSelection(), "Q?", Passages));

        Assert.Equal("Template 'rag-answer' must render one system message followed by one user message; it rendered: user.", error.Message);
    }

    [Fact]
    public async Task Another_answer_template_can_replace_rag_answer_with_the_same_variables()
    {
        using var temporary = new TemporaryLibrary();
        temporary.Write("templates/rag-answer-brief/config.json", File.ReadAllText(Path.Combine(temporary.Root, "templates", "rag-answer", "config.json")));
        temporary.Write(
            "templates/rag-answer-brief/skprompt.txt",
            "<message role=\"system\">{{$system}}</message><message role=\"user\">One sentence only. <context>{{$context}}</context> {{$question}}</message>");
        var composer = new PromptComposer(await PromptLibrary.LoadAsync(temporary.Root));

        var brief = await composer.ComposeAnswerPromptAsync("rag-answer-brief", new PromptSelection(), "How does leave work?", Passages);
        var standard = await composer.ComposeAnswerPromptAsync(new PromptSelection(), "How does leave work?", Passages);
        var error = await Assert.ThrowsAsync<PromptLibraryException>(() => composer.ComposeAnswerPromptAsync("missing", new PromptSelection(), "Q?", Passages));

        Assert.Equal(standard.SystemPrompt, brief.SystemPrompt);
        Assert.StartsWith("One sentence only.", brief.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("12 days of paid annual leave", brief.UserPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("One sentence only.", standard.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("Unknown template 'missing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("rag-answer-brief", error.Message, StringComparison.Ordinal);
    }

    private static string Names(PromptLibrary library, PromptComponentKind kind) =>
        string.Join(", ", library.GetComponents(kind).Select(component => component.Name));

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
