using System.Globalization;
using System.Text;
using static RagPlatform.Evaluation.Reports.ReportFormatting;

namespace RagPlatform.Evaluation.Reports;

internal static class HumanFeedbackMarkdown
{
    public const int AnswerExcerptLength = 400;

    public static string Render(HumanFeedbackReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {Markdown(report.Title)}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Generated {report.GeneratedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.").AppendLine();
        if (report.Overall is not { } overall)
        {
            md.AppendLine("No answers have been rated yet.");
            return md.ToString();
        }

        md.AppendLine("## Summary").AppendLine().AppendLine("| Figure | Value |").AppendLine("|---|---:|");
        foreach (var (figure, value) in HumanFeedbackFigures.Rows(overall))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {value} |");
        }

        md.AppendLine().AppendLine("## Correctness scores").AppendLine();
        md.AppendLine("| Correctness | Ratings | Without hallucination | With hallucination |").AppendLine("|---|---:|---:|---:|");
        foreach (var count in report.Distribution)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {HumanFeedbackReportWriter.CorrectnessLabel(count.Correctness)} | {count.WithoutHallucination + count.WithHallucination} | {count.WithoutHallucination} | {count.WithHallucination} |");
        }

        foreach (var label in report.Groups.GroupBy(group => group.Label))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## By {Markdown(label.Key)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(HumanFeedbackFigures.Capitalize(label.Key))} | Ratings | Mean correctness | Rated 4–5 | Hallucination |").AppendLine("|---|---:|---:|---:|---:|");
            foreach (var group in label)
            {
                var figures = group.Figures;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(group.Value)} | {figures.RatingCount} | {HumanFeedbackFigures.Correctness(figures.MeanCorrectness)} | {Percent(figures.GoodShare)} | {Percent(figures.HallucinationRate)} |");
            }
        }

        if (report.BetweenRaters.Count > 0)
        {
            md.AppendLine().AppendLine("## Agreement between raters").AppendLine();
            md.AppendLine("Hallucination labels of raters who rated the same answers.").AppendLine();
            md.AppendLine("| Raters | Answers | Agreement | Cohen's kappa |").AppendLine("|---|---:|---:|---:|");
            foreach (var agreement in report.BetweenRaters)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(agreement.Name)} | {agreement.Items} | {Percent(agreement.PercentAgreement)} | {(agreement.CohenKappa is { } kappa ? Number(kappa, "0.000") : "undefined")} |");
            }
        }

        md.AppendLine().AppendLine("## Rated answers").AppendLine();
        for (var index = 0; index < report.Answers.Count; index++)
        {
            var answer = report.Answers[index];
            var rating = answer.Rating;
            md.AppendLine(CultureInfo.InvariantCulture, $"### {index + 1}. {Markdown(answer.Question)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"- {HumanFeedbackFigures.Verdict(rating)} by {Markdown(rating.Rater)}, {answer.RatedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Markdown(answer.Source)}{(answer.Link is { } link ? $" — <{link.AbsoluteUri}>" : "")}");
            if (answer.Labels.Count > 0)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Markdown(HumanFeedbackFigures.Labels(answer))}");
            }

            if (rating.Comment.Length > 0)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Comment: {Markdown(rating.Comment)}");
            }

            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"> {Markdown(Truncate(answer.Answer, AnswerExcerptLength))}").AppendLine();
        }

        return md.ToString();
    }
}

/// <summary>Wording shared by the Markdown and HTML forms of the feedback report.</summary>
internal static class HumanFeedbackFigures
{
    public static IEnumerable<(string Figure, string Value)> Rows(FeedbackFigures figures) =>
    [
        ("Ratings", figures.RatingCount.ToString(CultureInfo.InvariantCulture)),
        ("Rated answers", figures.AnswerCount.ToString(CultureInfo.InvariantCulture)),
        ("Raters", figures.RaterCount.ToString(CultureInfo.InvariantCulture)),
        ("Mean correctness", Correctness(figures.MeanCorrectness)),
        ("Rated 4–5", Percent(figures.GoodShare)),
        ("Hallucination found", Percent(figures.HallucinationRate)),
    ];

    public static string Correctness(double mean) => Number(mean, "0.00") + " / 5";

    public static string Verdict(Human.HumanRating rating) =>
        string.Create(CultureInfo.InvariantCulture, $"{rating.Correctness}/5{(rating.Hallucination ? ", hallucination" : "")}");

    public static string Labels(RatedAnswer answer) => string.Join(", ", answer.Labels.Select(label => $"{label.Key} {label.Value}"));

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
