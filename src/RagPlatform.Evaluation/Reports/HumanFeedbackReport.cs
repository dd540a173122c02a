using RagPlatform.Evaluation.Human;

namespace RagPlatform.Evaluation.Reports;

/// <summary>One human rating of an answer given outside an evaluation run, such as in the chat.</summary>
/// <param name="Source">Where the answer was given, such as the conversation's title.</param>
/// <param name="Labels">Settings the answer was produced with that ratings are grouped by, such as persona and tone.</param>
/// <param name="Link">Where the answer can be seen again; null when it has no address.</param>
public sealed record RatedAnswer(
    HumanRating Rating,
    string Question,
    string Answer,
    string Source,
    DateTimeOffset RatedAt,
    IReadOnlyDictionary<string, string> Labels,
    Uri? Link = null);

/// <param name="GoodShare">Share of ratings with correctness 4 or 5.</param>
public sealed record FeedbackFigures(int RatingCount, int AnswerCount, int RaterCount, double MeanCorrectness, double HallucinationRate, double GoodShare)
{
    internal static FeedbackFigures Of(IReadOnlyCollection<RatedAnswer> answers) => new(
        answers.Count,
        answers.Select(answer => answer.Rating.QuestionId).Distinct(StringComparer.Ordinal).Count(),
        answers.Select(answer => answer.Rating.Rater).Distinct(StringComparer.Ordinal).Count(),
        answers.Average(answer => answer.Rating.Correctness),
        answers.Average(answer => answer.Rating.Hallucination ? 1.0 : 0.0),
        answers.Average(answer => answer.Rating.Correctness >= 4 ? 1.0 : 0.0));
}

/// <summary>The ratings of the answers that had one value of a label, such as persona "tutor".</summary>
public sealed record FeedbackGroup(string Label, string Value, FeedbackFigures Figures);

/// <summary>How often each correctness score was given, split by the hallucination label.</summary>
/// <param name="Correctness">1 (wrong) … 5 (fully correct).</param>
public sealed record CorrectnessCount(int Correctness, int WithoutHallucination, int WithHallucination);

/// <summary>
/// What people said about answers they rated by hand: overall figures, the score distribution, figures per label
/// value, agreement between raters who rated the same answers, and every rating, newest first.
/// </summary>
/// <param name="Overall">Null when nothing has been rated.</param>
public sealed record HumanFeedbackReport(
    string Title,
    DateTimeOffset GeneratedAt,
    FeedbackFigures? Overall,
    IReadOnlyList<CorrectnessCount> Distribution,
    IReadOnlyList<FeedbackGroup> Groups,
    IReadOnlyList<LabelAgreement> BetweenRaters,
    IReadOnlyList<RatedAnswer> Answers)
{
    public static HumanFeedbackReport Create(string title, IEnumerable<RatedAnswer> answers, DateTimeOffset generatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(answers);
        var rated = answers.OrderByDescending(answer => answer.RatedAt).ThenBy(answer => answer.Rating.QuestionId, StringComparer.Ordinal).ToList();
        var groups = rated
            .SelectMany(answer => answer.Labels.Select(label => (label.Key, label.Value, Answer: answer)))
            .GroupBy(entry => (entry.Key, entry.Value))
            .OrderBy(group => group.Key.Key, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Value, StringComparer.Ordinal)
            .Select(group => new FeedbackGroup(group.Key.Key, group.Key.Value, FeedbackFigures.Of(group.Select(entry => entry.Answer).ToList())))
            .ToList();
        var distribution = Enumerable.Range(1, 5)
            .Select(score => new CorrectnessCount(
                score,
                rated.Count(answer => answer.Rating.Correctness == score && !answer.Rating.Hallucination),
                rated.Count(answer => answer.Rating.Correctness == score && answer.Rating.Hallucination)))
            .ToList();
        return new HumanFeedbackReport(
            title.Trim(),
            generatedAt,
            rated.Count == 0 ? null : FeedbackFigures.Of(rated),
            distribution,
            groups,
            HumanAgreement.BetweenRaters(rated.Select(answer => answer.Rating).ToList()),
            rated);
    }
}
