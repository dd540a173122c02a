using System.Globalization;
using System.Text;
using static RagPlatform.Evaluation.Reports.ReportFormatting;

namespace RagPlatform.Evaluation.Reports;

/// <summary>The feedback report as a self-contained page in the run reports' style; all data text is HTML-encoded.</summary>
internal static class HumanFeedbackHtml
{
    public static string Render(HumanFeedbackReport report, string? chart, string? fontWarning)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Html(report.Title)}</title>\n<style>\n{HtmlReport.Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header>\n<h1>{Html(report.Title)}</h1>\n<p class=\"meta\">Generated {report.GeneratedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC</p>\n</header>\n");
        if (report.Overall is not { } overall)
        {
            html.Append("<p>No answers have been rated yet.</p>\n</body>\n</html>\n");
            return html.ToString();
        }

        html.Append("<section>\n<h2>Summary</h2>\n<div class=\"cards\">\n");
        foreach (var (figure, value) in HumanFeedbackFigures.Rows(overall))
        {
            HtmlReport.AppendCard(html, figure, value, "", "feedback_" + figure.ToLowerInvariant().Replace(' ', '_'));
        }

        html.Append("</div>\n");
        if (chart is not null)
        {
            html.Append("<figure>").Append(chart).Append("</figure>\n");
        }

        if (fontWarning is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Html(fontWarning)}</p>\n");
        }

        html.Append("</section>\n");
        AppendGroups(html, report);
        AppendAgreement(html, report);
        AppendAnswers(html, report);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendGroups(StringBuilder html, HumanFeedbackReport report)
    {
        foreach (var label in report.Groups.GroupBy(group => group.Label))
        {
            html.Append(CultureInfo.InvariantCulture, $"<section>\n<h2>By {Html(label.Key)}</h2>\n<table>\n<tr><th>{Html(HumanFeedbackFigures.Capitalize(label.Key))}</th><th class=\"num\">Ratings</th><th class=\"num\">Mean correctness</th><th class=\"num\">Rated 4–5</th><th class=\"num\">Hallucination</th></tr>\n");
            foreach (var group in label)
            {
                var figures = group.Figures;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html(group.Value)}</td><td class=\"num\">{figures.RatingCount}</td><td class=\"num\">{Html(HumanFeedbackFigures.Correctness(figures.MeanCorrectness))}</td><td class=\"num\">{Html(Percent(figures.GoodShare))}</td><td class=\"num\">{Html(Percent(figures.HallucinationRate))}</td></tr>\n");
            }

            html.Append("</table>\n</section>\n");
        }
    }

    private static void AppendAgreement(StringBuilder html, HumanFeedbackReport report)
    {
        if (report.BetweenRaters.Count == 0)
        {
            return;
        }

        html.Append("<section>\n<h2>Agreement between raters</h2>\n<p class=\"note\">Hallucination labels of raters who rated the same answers.</p>\n<table>\n<tr><th>Raters</th><th class=\"num\">Answers</th><th class=\"num\">Agreement</th><th class=\"num\">Cohen's kappa</th></tr>\n");
        foreach (var agreement in report.BetweenRaters)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html(agreement.Name)}</td><td class=\"num\">{agreement.Items}</td><td class=\"num\">{Html(Percent(agreement.PercentAgreement))}</td><td class=\"num\">{(agreement.CohenKappa is { } kappa ? Number(kappa, "0.000") : "undefined")}</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void AppendAnswers(StringBuilder html, HumanFeedbackReport report)
    {
        html.Append("<section>\n<h2>Rated answers</h2>\n");
        foreach (var answer in report.Answers)
        {
            var rating = answer.Rating;
            var badge = rating.Hallucination ? " bad" : rating.Correctness >= 4 ? " good" : "";
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"question{(rating.Hallucination ? " flagged" : "")}\">\n<summary>{Html(Truncate(answer.Question, 140))}<span class=\"badge{badge}\">{Html(HumanFeedbackFigures.Verdict(rating))}</span><span class=\"badge\">{Html(rating.Rater)}</span></summary>\n");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Html(answer.Source)} · rated {answer.RatedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
            if (answer.Labels.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $" · {Html(HumanFeedbackFigures.Labels(answer))}");
            }

            if (answer.Link is { } link)
            {
                html.Append(CultureInfo.InvariantCulture, $" · <a href=\"{Html(link.AbsoluteUri)}\">open the conversation</a>");
            }

            html.Append("</p>\n");
            html.Append(CultureInfo.InvariantCulture, $"<h4>Question</h4><p>{Html(answer.Question)}</p>\n<h4>Answer</h4><div class=\"answer\">{Html(Truncate(answer.Answer, HumanFeedbackMarkdown.AnswerExcerptLength))}</div>\n");
            if (rating.Comment.Length > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h4>Comment</h4><p>{Html(rating.Comment)}</p>\n");
            }

            html.Append("</details>\n");
        }

        html.Append("</section>\n");
    }
}
