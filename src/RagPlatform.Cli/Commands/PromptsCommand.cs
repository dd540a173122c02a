using System.CommandLine;
using Microsoft.Extensions.Options;
using RagPlatform.Cli.Rendering;
using RagPlatform.Core.Retrieval;
using RagPlatform.Prompts;
using RagPlatform.Retrieval;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp prompts list|show|render</c>: browse the prompt library and see the prompts it composes.</summary>
internal static class PromptsCommand
{
    private static readonly Option<PromptComponentKind?> KindFilter = new("--kind")
    {
        Description = "Only components of this kind: persona, requirements, organization, medium, purpose or tone",
    };

    private static readonly Argument<PromptComponentKind> Kind = new("kind")
    {
        Description = "persona, requirements, organization, medium, purpose or tone",
    };

    private static readonly Argument<string> Name = new("name") { Description = "Component name (from 'ragp prompts list')" };

    private static readonly Option<string> Language = new("--language")
    {
        Description = "Language of the component texts: en or id",
        DefaultValueFactory = _ => PromptLanguages.English,
    };

    private static readonly Option<string?> Question = new("--question")
    {
        Description = "Also render the answer prompt for this question, with passages retrieved from the store",
    };

    public static Command Create(CliEnvironment environment)
    {
        var list = new Command("list", "List the prompt components, marking the defaults") { KindFilter };
        CommandRunner.SetAction(list, environment, ListAsync);

        var show = new Command("show", "Show a component's text") { Kind, Name, Language };
        CommandRunner.SetAction(show, environment, ShowAsync);

        var render = new Command("render", "Compose the system prompt (and, with --question, the answer prompt) from chosen components")
        {
            Language,
            Question,
        };
        AnswerOptions.AddPromptComponentsTo(render);
        CommandRunner.SetAction(render, environment, RenderAsync);

        return new Command("prompts", "Browse the prompt library (persona, requirements, organization, medium, purpose, tone)") { list, show, render };
    }

    private static Task<int> ListAsync(CommandContext context)
    {
        var library = context.Get<PromptLibrary>();
        var kinds = context.ParseResult.GetValue(KindFilter) is { } kind ? [kind] : library.Kinds;
        var entries = kinds
            .SelectMany(library.GetComponents)
            .Select(component => new PromptComponentEntry(
                component.Kind.GetName(), component.Name, component.Description, IsDefault(library.Defaults, component), component.SourceFile))
            .ToList();
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, entries);
            return Task.FromResult(CommandRunner.Success);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Kind", "Name", "Description", "Default");
        foreach (var entry in entries)
        {
            table.AddRow(
                new Text(entry.Kind),
                new Text(entry.Name),
                new Text(entry.Description),
                new Markup(entry.IsDefault ? "[green]default[/]" : string.Empty));
        }

        context.Console.Write(table);
        context.Console.MarkupLineInterpolated($"[grey]{entries.Count} components from {library.Directory}[/]");
        return Task.FromResult(CommandRunner.Success);
    }

    private static Task<int> ShowAsync(CommandContext context)
    {
        var component = context.Get<PromptLibrary>().GetComponent(context.ParseResult.GetValue(Kind), context.ParseResult.GetValue(Name)!);
        var text = component.GetText(context.ParseResult.GetValue(Language)!);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, component);
            return Task.FromResult(CommandRunner.Success);
        }

        context.Console.MarkupLineInterpolated($"[bold]{component.Kind.GetName()} {component.Name}[/] [grey]— {component.Description} ({component.SourceFile})[/]");
        context.Console.WriteLine(text);
        return Task.FromResult(CommandRunner.Success);
    }

    private static async Task<int> RenderAsync(CommandContext context)
    {
        var selection = PromptSelection.FromComponents(AnswerOptions.GetPromptComponents(context), context.ParseResult.GetValue(Language)!);
        var composer = context.Get<PromptComposer>();
        var systemPrompt = await composer.ComposeSystemPromptAsync(selection, context.CancellationToken);
        ComposedPrompt? answerPrompt = null;
        if (context.ParseResult.GetValue(Question) is { } question)
        {
            var topK = context.Get<IOptions<RetrievalOptions>>().Value.TopK;
            var retrieved = await context.Get<IRetriever>().RetrieveAsync(new RetrievalRequest(question, topK), context.CancellationToken);
            var passages = retrieved.Select(scored => ContextPassage.FromChunk(scored.Chunk)).ToList();
            answerPrompt = await composer.ComposeAnswerPromptAsync(selection, question, passages, cancellationToken: context.CancellationToken);
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, new RenderedPrompts(systemPrompt, answerPrompt?.UserPrompt));
            return CommandRunner.Success;
        }

        WriteSection(context.Console, "System prompt", systemPrompt);
        if (answerPrompt is not null)
        {
            WriteSection(context.Console, "Answer prompt", answerPrompt.UserPrompt);
        }

        return CommandRunner.Success;
    }

    // A rule rather than a panel, so the prompt text can be copied without border characters.
    private static void WriteSection(IAnsiConsole console, string title, string text)
    {
        console.Write(new Rule($"[bold]{title}[/]").LeftJustified());
        console.WriteLine(text);
    }

    private static bool IsDefault(PromptDefaults defaults, PromptComponent component)
    {
        var defaultNames = component.Kind switch
        {
            PromptComponentKind.Persona => [defaults.Persona],
            PromptComponentKind.Requirements => defaults.Requirements,
            PromptComponentKind.Organization => [defaults.Organization],
            PromptComponentKind.Medium => [defaults.Medium],
            PromptComponentKind.Purpose => [defaults.Purpose],
            _ => (IReadOnlyList<string>)[defaults.Tone],
        };
        return defaultNames.Contains(component.Name, StringComparer.OrdinalIgnoreCase);
    }

    private sealed record PromptComponentEntry(string Kind, string Name, string Description, bool IsDefault, string SourceFile);

    /// <param name="AnswerPrompt">The user message of the answer prompt; null without --question.</param>
    private sealed record RenderedPrompts(string SystemPrompt, string? AnswerPrompt);
}
