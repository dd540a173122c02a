using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using RagPlatform.Prompts.Rendering;
using RagPlatform.Prompts.Tests.Support;

namespace RagPlatform.Prompts.Tests;

public sealed class TemplateRenderingTests
{
    [Theory]
    [MemberData(nameof(ShippedLibrary.TemplateNames), MemberType = typeof(ShippedLibrary))]
    public async Task Every_shipped_template_renders_every_declared_variable(string templateName)
    {
        var library = await ShippedLibrary.LoadAsync();
        var arguments = SampleArguments(library, templateName);

        var rendered = await library.RenderAsync(templateName, arguments);

        foreach (var (name, value) in arguments)
        {
            Assert.True(rendered.Contains((string)value!, StringComparison.Ordinal), $"'{templateName}' does not use its variable '{name}'.");
        }

        Assert.DoesNotContain("{{", rendered);
    }

    [Theory]
    [MemberData(nameof(ShippedLibrary.TemplateNames), MemberType = typeof(ShippedLibrary))]
    public async Task Every_shipped_chat_template_reaches_the_model_as_the_reader_parses_it(string templateName)
    {
        var library = await ShippedLibrary.LoadAsync();
        var arguments = SampleArguments(library, templateName);
        var rendered = await library.RenderAsync(templateName, arguments);
        if (!rendered.Contains("<message", StringComparison.Ordinal))
        {
            Assert.Equal(PromptTemplateNames.System, templateName);
            return;
        }

        var chatService = new RecordingChatCompletionService("reply");
        var kernel = KernelFactory.WithChatService(chatService);

        var result = await kernel.InvokeAsync(library.CreateFunction(templateName), arguments);

        Assert.Equal("reply", result.GetValue<string>());
        var sent = Assert.Single(chatService.Requests);
        var parsed = ChatPromptReader.Read(rendered, templateName);
        Assert.Equal(parsed.Select(m => (m.Role, m.Content)), sent.Select(m => (m.Role, m.Content)));
        Assert.Equal(AuthorRole.System, sent[0].Role);
        Assert.Equal(AuthorRole.User, sent[^1].Role);
    }

    [Fact]
    public async Task Missing_required_variables_fail_rendering_with_their_names()
    {
        var library = await ShippedLibrary.LoadAsync();

        var error = await Assert.ThrowsAsync<PromptLibraryException>(() =>
            library.RenderAsync(PromptTemplateNames.RagAnswer, new KernelArguments { ["question"] = "Why?" }));

        Assert.Equal(
            "Template 'rag-answer' was rendered without its required variable(s) 'system', 'context' (declared in templates/rag-answer/config.json). Pass a value for each.",
            error.Message);
    }

    [Fact]
    public async Task Missing_required_variables_fail_before_the_model_is_called()
    {
        var library = await ShippedLibrary.LoadAsync();
        var chatService = new RecordingChatCompletionService("reply");
        var kernel = KernelFactory.WithChatService(chatService);
        library.AddToKernel(kernel);

        var error = await Assert.ThrowsAsync<PromptLibraryException>(() =>
            kernel.InvokeAsync(PromptLibrary.PluginName, "follow_up_questions", new KernelArguments { ["question"] = "Why?" }));

        Assert.Contains("'answer'", error.Message);
        Assert.Empty(chatService.Requests);
    }

    [Fact]
    public async Task A_null_value_does_not_count_as_provided()
    {
        var library = await ShippedLibrary.LoadAsync();

        var error = await Assert.ThrowsAsync<PromptLibraryException>(() => library.RenderAsync(
            PromptTemplateNames.FollowUpQuestions,
            new KernelArguments { ["question"] = "Why?", ["answer"] = null }));

        Assert.Contains("'answer'", error.Message);
    }

    [Fact]
    public async Task Optional_variables_take_their_declared_defaults()
    {
        var library = await ShippedLibrary.LoadAsync();

        var rendered = await library.RenderAsync(
            PromptTemplateNames.SummarizeDocument,
            new KernelArguments { ["document"] = "Rapat memutuskan anggaran naik 5%." });

        Assert.Contains("Title: (untitled)", rendered);
        Assert.Contains("at most 200 words", rendered);
        Assert.Contains("the same language as the document", rendered);
    }

    [Fact]
    public async Task Library_templates_import_as_one_plugin_with_callable_function_names()
    {
        var library = await ShippedLibrary.LoadAsync();
        var kernel = new Kernel();

        library.AddToKernel(kernel);

        var plugin = kernel.Plugins[PromptLibrary.PluginName];
        Assert.Equal(
            library.TemplateNames.Select(PromptLibrary.ToFunctionName).Order(StringComparer.Ordinal),
            plugin.Select(function => function.Name).Order(StringComparer.Ordinal));
        Assert.Equal("rag_answer", library.CreateFunction("rag-answer").Name);
        var question = plugin["rag_answer"].Metadata.Parameters.Single(parameter => parameter.Name == "question");
        Assert.True(question.IsRequired);
    }

    [Fact]
    public async Task Prompt_engineer_template_asks_clarifying_questions_before_rewriting()
    {
        var library = await ShippedLibrary.LoadAsync();

        var rendered = await library.RenderAsync(
            PromptTemplateNames.PromptEngineer,
            new KernelArguments { ["prompt"] = "Buatkan ringkasan materi kuliah." });
        var messages = ChatPromptReader.Read(rendered, PromptTemplateNames.PromptEngineer);

        Assert.Contains("clarifying questions", messages[0].Content);
        Assert.Contains("Do not rewrite the prompt in this phase", messages[0].Content);
        Assert.Contains("<draft_prompt>\nBuatkan ringkasan materi kuliah.\n</draft_prompt>", messages[1].Content);
        Assert.Contains("not stated yet; ask me about it", messages[1].Content);
    }

    private static KernelArguments SampleArguments(PromptLibrary library, string templateName) =>
        new(library.GetTemplate(templateName).InputVariables.ToDictionary(
            variable => variable.Name,
            variable => (object?)$"sample value for {variable.Name}"));
}
