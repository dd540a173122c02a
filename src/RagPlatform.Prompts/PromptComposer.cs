using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using RagPlatform.Core.Answers;
using RagPlatform.Prompts.Loading;
using RagPlatform.Prompts.Rendering;

namespace RagPlatform.Prompts;

/// <summary>
/// Builds prompts from library choices: the system prompt from the selected components (through the "system"
/// template) and the grounded answer prompt from it, a question and numbered passages (through "rag-answer").
/// Question and passage text only ever travel as template variable values, so they are never evaluated.
/// </summary>
public sealed partial class PromptComposer
{
    private readonly PromptLibrary library;
    private readonly ILogger<PromptComposer> logger;

    /// <exception cref="PromptLibraryException">The library lacks the "system" or "rag-answer" template.</exception>
    public PromptComposer(PromptLibrary library, ILogger<PromptComposer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        foreach (var required in new[] { PromptTemplateNames.System, PromptTemplateNames.RagAnswer })
        {
            if (!library.TemplateNames.Contains(required))
            {
                throw new PromptLibraryException(
                    $"The prompt library at '{library.Directory}' has no '{required}' template " +
                    $"({PromptLibraryFiles.TemplatesFolder}/{required}/), which the prompt composer needs.");
            }
        }

        this.library = library;
        this.logger = logger ?? NullLogger<PromptComposer>.Instance;
    }

    /// <summary>The system prompt for the selection: each chosen component's text in the selected language, in the "system" frame.</summary>
    /// <exception cref="PromptLibraryException">An unknown component name or language; the message lists the valid ones.</exception>
    public Task<string> ComposeSystemPromptAsync(PromptSelection selection, CancellationToken cancellationToken = default) =>
        RenderSystemPromptAsync(library.Resolve(selection), cancellationToken);

    /// <summary>
    /// The arguments of the "rag-answer" template, for callers that invoke it as a kernel function
    /// (<c>kernel.InvokeAsync(library.CreateFunction("rag-answer"), arguments)</c>) instead of sending
    /// <see cref="ComposeAnswerPromptAsync"/>'s chat history themselves.
    /// </summary>
    public async Task<KernelArguments> CreateAnswerArgumentsAsync(
        PromptSelection selection,
        string question,
        IReadOnlyList<ContextPassage> passages,
        CancellationToken cancellationToken = default) =>
        await CreateAnswerArgumentsAsync(library.Resolve(selection), question, passages, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The grounded answer prompt: the system prompt, and a user prompt with the instructions, the passages numbered
    /// [1]..[n] in order with their source labels, and the question.
    /// </summary>
    /// <param name="history">Earlier turns, oldest first, placed between the two in <see cref="ComposedPrompt.ToChatHistory"/>.</param>
    /// <exception cref="PromptLibraryException">An unknown component name or language, or an edited template that no longer renders one system and one user message.</exception>
    public Task<ComposedPrompt> ComposeAnswerPromptAsync(
        PromptSelection selection,
        string question,
        IReadOnlyList<ContextPassage> passages,
        IReadOnlyList<ConversationTurn>? history = null,
        CancellationToken cancellationToken = default) =>
        ComposeAnswerPromptAsync(PromptTemplateNames.RagAnswer, selection, question, passages, history, cancellationToken);

    /// <summary>
    /// The grounded answer prompt rendered with another library template in place of "rag-answer" (a variant to
    /// compare, for instance). It receives the same variables — system, question, context, citation_rule — and must
    /// render one system message followed by one user message.
    /// </summary>
    /// <exception cref="PromptLibraryException">An unknown template, component name or language, or a template that does not render one system and one user message.</exception>
    public async Task<ComposedPrompt> ComposeAnswerPromptAsync(
        string templateName,
        PromptSelection selection,
        string question,
        IReadOnlyList<ContextPassage> passages,
        IReadOnlyList<ConversationTurn>? history = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateName);
        var resolved = library.Resolve(selection);
        var arguments = await CreateAnswerArgumentsAsync(resolved, question, passages, cancellationToken).ConfigureAwait(false);
        var rendered = await library.RenderAsync(templateName, arguments, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var messages = ChatPromptReader.Read(rendered, templateName);
        if (messages is not [{ Role: var systemRole } system, { Role: var userRole } user] ||
            systemRole != AuthorRole.System || userRole != AuthorRole.User)
        {
            throw new PromptLibraryException(
                $"Template '{templateName}' must render one system message followed by one user message; " +
                $"it rendered: {string.Join(", ", messages.Select(message => message.Role.Label))}.");
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(
                "Composed answer prompt ({Language}): persona {Persona}, requirements {Requirements}, organization {Organization}, medium {Medium}, purpose {Purpose}, tone {Tone}; {PassageCount} passages, {TurnCount} history turns",
                resolved.Language,
                resolved.Persona.Name,
                string.Join(",", resolved.Requirements.Select(requirement => requirement.Name)),
                resolved.Organization.Name,
                resolved.Medium.Name,
                resolved.Purpose.Name,
                resolved.Tone.Name,
                passages.Count,
                history?.Count ?? 0);
        }

        return new ComposedPrompt(system.Content ?? string.Empty, user.Content ?? string.Empty)
        {
            History = history ?? [],
            CitationsRequired = resolved.RequiresCitations,
        };
    }

    private async Task<KernelArguments> CreateAnswerArgumentsAsync(
        ResolvedSelection resolved,
        string question,
        IReadOnlyList<ContextPassage> passages,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(passages);
        var systemPrompt = await RenderSystemPromptAsync(resolved, cancellationToken).ConfigureAwait(false);
        return new KernelArguments
        {
            ["system"] = systemPrompt,
            ["question"] = ContextFormatter.EscapeDocumentTags(question.Trim()),
            ["context"] = ContextFormatter.Format(passages),
            ["citation_rule"] = string.Join(
                " ",
                resolved.Requirements.Where(requirement => requirement.RequiresCitations).Select(requirement => requirement.GetText(resolved.Language))),
        };
    }

    private async Task<string> RenderSystemPromptAsync(ResolvedSelection resolved, CancellationToken cancellationToken)
    {
        var language = resolved.Language;
        var arguments = new KernelArguments
        {
            ["persona"] = resolved.Persona.GetText(language),
            ["purpose"] = resolved.Purpose.GetText(language),
            ["requirements"] = string.Join("\n", resolved.Requirements.Select(requirement => "- " + requirement.GetText(language))),
            ["organization"] = resolved.Organization.GetText(language),
            ["medium"] = resolved.Medium.GetText(language),
            ["tone"] = resolved.Tone.GetText(language),
        };
        var rendered = await library.RenderAsync(PromptTemplateNames.System, arguments, cancellationToken: cancellationToken)
            .ConfigureAwait(false);

        // An empty requirements list leaves an empty paragraph in the frame.
        return RepeatedBlankLines().Replace(rendered.ReplaceLineEndings("\n"), "\n\n").Trim();
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex RepeatedBlankLines();
}
