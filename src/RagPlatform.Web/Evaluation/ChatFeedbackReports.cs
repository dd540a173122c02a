using RagPlatform.Evaluation.Reports;
using RagPlatform.Prompts;
using RagPlatform.Web.Chat;
using RagPlatform.Web.Data;

namespace RagPlatform.Web.Evaluation;

/// <summary>
/// Turns the ratings given in the chat into a <see cref="HumanFeedbackReport"/>, grouped by the persona and tone
/// each answer was given with, and linking every rated answer back to its conversation.
/// </summary>
internal sealed class ChatFeedbackReports(ChatRatingStore ratings, PromptPickerSource prompts, TimeProvider clock)
{
    public const string Title = "Chat feedback";

    /// <summary>Label of answers saved before their settings were recorded.</summary>
    public const string NotRecorded = "not recorded";

    private static readonly string[] GroupedKinds = [PromptComponentKind.Persona.GetName(), PromptComponentKind.Tone.GetName()];

    /// <param name="baseUri">The application's address, for links back to the conversations.</param>
    public async Task<HumanFeedbackReport> CreateAsync(Uri baseUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var rated = await ratings.ListRatedAsync(cancellationToken);
        return HumanFeedbackReport.Create(
            Title,
            rated.Select(exchange => new RatedAnswer(
                exchange.Rating,
                exchange.Question,
                exchange.AnswerText,
                exchange.ConversationTitle,
                exchange.RatedAt,
                Labels(exchange.Settings),
                new Uri(baseUri, $"chat/{exchange.ConversationId:D}"))),
            clock.GetUtcNow());
    }

    private Dictionary<string, string> Labels(ConversationSettings? settings) =>
        GroupedKinds.ToDictionary(kind => kind, kind => settings is null ? NotRecorded : Chosen(kind, settings.PromptComponents));

    // Unset kinds used the library's defaults; without a library the choice is all that is known.
    private string Chosen(string kind, IReadOnlyDictionary<string, string> selection) =>
        prompts.Pickers.FirstOrDefault(picker => picker.Kind == kind) is { } picker
            ? string.Join(", ", picker.Chosen(selection))
            : selection.GetValueOrDefault(kind, "default");
}
