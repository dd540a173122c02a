using System.Globalization;
using System.Text;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Runs;
using static RagPlatform.Evaluation.Reports.ReportFormatting;

namespace RagPlatform.Evaluation.Reports;

/// <summary>
/// A self-contained page (inline CSS and SVG, no scripts, no external resources) sized for a projector. Every piece
/// of data text goes through <see cref="ReportFormatting.Html"/>.
/// </summary>
internal static class HtmlReport
{
    public const string Style =
        """
        :root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --good: #1a7f37; --bad: #cf222e; --accent: #0969da; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 20px; line-height: 1.45; color: var(--ink); margin: 0 auto; max-width: 1400px; padding: 24px 32px 64px; }
        h1 { font-size: 2.2rem; margin: 0 0 8px; } h2 { font-size: 1.7rem; margin: 40px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 6px; }
        h4 { margin: 18px 0 6px; font-size: 1.1rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .meta { color: var(--muted); margin: 2px 0; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px; }
        .card { border: 2px solid var(--line); border-radius: 14px; padding: 16px 20px; }
        .card .value { font-size: 2.8rem; white-space: nowrap; font-weight: 700; line-height: 1.1; color: var(--accent); }
        .card .label { font-size: 1.3rem; font-weight: 600; }
        .card .method { font-size: .8rem; color: var(--muted); margin-top: 6px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; } td.num, th.num { text-align: right; white-space: nowrap; }
        figure { margin: 12px 0; } .note { color: var(--muted); font-size: .9rem; }
        details.question { border: 1px solid var(--line); border-radius: 10px; margin: 8px 0; padding: 8px 14px; }
        details.question.flagged { border-left: 8px solid var(--bad); } details.question.failed { border-left: 8px solid #9a6700; }
        details.question summary { cursor: pointer; font-size: 1.1rem; }
        .id { font-family: "DejaVu Sans Mono", monospace; font-weight: 700; margin-right: 8px; }
        .badge { display: inline-block; border-radius: 999px; padding: 0 10px; margin-left: 6px; font-size: .85rem; background: #eaeef2; }
        .badge.bad { background: #ffebe9; color: var(--bad); } .badge.good { background: #dafbe1; color: var(--good); }
        .answer { background: #f6f8fa; border-radius: 8px; padding: 10px 14px; white-space: pre-wrap; }
        li.unsupported mark { background: #ffd7d5; color: var(--ink); padding: 0 4px; border-radius: 4px; }
        li.undetermined { color: var(--muted); } .reason { color: var(--muted); font-size: .9rem; }
        .context { white-space: pre-wrap; font-size: .9rem; }
        """;

    public static string Render(EvaluationRun run, HumanAgreementReport? agreement, ReportCharts charts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>Evaluation report: {Html(run.Dataset.Name)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n");
        AppendHeader(html, run);
        AppendHeadline(html, run);
        AppendGroups(html, "By language", run.Aggregates.ByLanguage, charts.ByLanguage, KeyMetrics(run));
        AppendGroups(html, "By tag", run.Aggregates.ByTag, charts.ByTag, KeyMetrics(run));
        AppendLatencyAndAbstention(html, run, charts);
        AppendHuman(html, agreement);
        AppendMethods(html, run, charts.FontWarning);
        AppendQuestions(html, run);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, EvaluationRun run)
    {
        html.Append(CultureInfo.InvariantCulture, $"<header>\n<h1>Evaluation: {Html(run.Dataset.Name)}</h1>\n");
        if (run.Configuration.Description.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\"><strong>{Html(run.Configuration.Description)}</strong></p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Run {Html(run.RunId)} · {run.StartedAt:yyyy-MM-dd HH:mm} UTC · {run.Dataset.QuestionCount} questions · {run.Aggregates.ErrorCount} failed · {run.Duration.TotalSeconds:0.0} s</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Html(run.Dataset.SourcePath)} · sha256 {Html(run.Dataset.Sha256[..Math.Min(12, run.Dataset.Sha256.Length)])}…</p>\n</header>\n");
    }

    private static void AppendHeadline(StringBuilder html, EvaluationRun run)
    {
        html.Append("<section>\n<h2>Headline</h2>\n<div class=\"cards\">\n");
        var overall = run.Aggregates.Overall.Metrics;
        foreach (var key in KeyMetrics(run))
        {
            AppendCard(html, DisplayName(key), Value(key, overall[key].Mean), $"{overall[key].Count} questions · {overall[key].Method}", key);
        }

        var latency = run.Aggregates.Latency;
        AppendCard(html, "Latency p50 / p95", string.Create(CultureInfo.InvariantCulture, $"{latency.P50Ms:0} / {latency.P95Ms:0} ms"), $"{latency.Count} questions, Stopwatch around AskAsync", MetricKeys.LatencyMs);
        if (overall.TryGetValue(MetricKeys.TokensPerSecond, out var speed))
        {
            AppendCard(html, "Tokens per second", Value(MetricKeys.TokensPerSecond, speed.Mean), speed.Method, MetricKeys.TokensPerSecond);
        }

        html.Append("</div>\n</section>\n");
    }

    internal static void AppendCard(StringBuilder html, string label, string value, string method, string key) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\" data-metric=\"{Html(key)}\"><div class=\"value\">{Html(value)}</div><div class=\"label\">{Html(label)}</div><div class=\"method\">{Html(method)}</div></div>\n");

    private static void AppendGroups(StringBuilder html, string title, IReadOnlyList<MetricGroup> groups, string? chart, IReadOnlyList<string> keys)
    {
        if (groups.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section>\n<h2>{Html(title)}</h2>\n");
        if (chart is not null)
        {
            html.Append("<figure>").Append(chart).Append("</figure>\n");
        }

        html.Append("<table>\n<tr><th>Group</th><th class=\"num\">Questions</th>");
        foreach (var key in keys)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th class=\"num\">{Html(DisplayName(key))}</th>");
        }

        html.Append("</tr>\n");
        foreach (var group in groups)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html(group.Name)}</td><td class=\"num\">{group.QuestionCount}</td>");
            foreach (var key in keys)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(group.Metrics.TryGetValue(key, out var summary) ? Html(Value(key, summary.Mean)) : "–")}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void AppendLatencyAndAbstention(StringBuilder html, EvaluationRun run, ReportCharts charts)
    {
        var latency = run.Aggregates.Latency;
        html.Append("<section>\n<h2>Latency and resources</h2>\n");
        if (charts.Latency is not null)
        {
            html.Append("<figure>").Append(charts.Latency).Append("</figure>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>Mean {latency.MeanMs:0} ms · p50 {latency.P50Ms:0} ms · p95 {latency.P95Ms:0} ms · max {latency.MaxMs:0} ms · peak working set {Html(Megabytes(run.Resources.PeakWorkingSetBytes))} · {run.Resources.ProcessorCount} cores · {Html(run.Resources.Runtime)}</p>\n</section>\n");

        var a = run.Aggregates.Abstention;
        html.Append("<section>\n<h2>Abstention</h2>\n<p class=\"note\">Abstaining treated as detecting unanswerable questions (positive = abstained / unanswerable).</p>\n");
        html.Append("<table><tr><th></th><th class=\"num\">Unanswerable</th><th class=\"num\">Answerable</th></tr>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Abstained</th><td class=\"num\">{a.TruePositives} correct</td><td class=\"num\">{a.FalsePositives} false abstention</td></tr>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Answered</th><td class=\"num\">{a.FalseNegatives} missed abstention</td><td class=\"num\">{a.TrueNegatives} answered</td></tr>\n</table>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Accuracy {a.Accuracy:P1} · precision {a.Precision:P1} · recall {a.Recall:P1} · F1 {a.F1:P1}</p>\n</section>\n");
    }

    private static void AppendHuman(StringBuilder html, HumanAgreementReport? agreement)
    {
        if (agreement is null)
        {
            return;
        }

        html.Append("<section>\n<h2>Human ratings</h2>\n<div class=\"cards\">\n");
        AppendCard(html, "Human correctness", string.Create(CultureInfo.InvariantCulture, $"{agreement.MeanCorrectness:0.00} / 5"), $"{agreement.RatingCount} ratings of {agreement.RatedQuestionCount} questions", "human_correctness");
        AppendCard(html, "Hallucination: humans vs automatic", string.Create(CultureInfo.InvariantCulture, $"{agreement.HumanHallucinationRate:P0} / {agreement.AutomaticHallucinationRate:P0}"), agreement.AutomaticMethod, "human_hallucination");
        var kappa = agreement.HumanVsAutomatic.CohenKappa is { } value ? Number(value, "0.00") : "undefined";
        AppendCard(html, "Agreement with automatic label", string.Create(CultureInfo.InvariantCulture, $"{agreement.HumanVsAutomatic.PercentAgreement:P0}"), $"Cohen's kappa {kappa}", "human_agreement");
        html.Append("</div>\n<table>\n<tr><th>Comparison</th><th class=\"num\">Items</th><th class=\"num\">Agreement</th><th class=\"num\">Cohen's kappa</th></tr>\n");
        foreach (var row in new[] { agreement.HumanVsAutomatic }.Concat(agreement.PerRater.Select(rater => rater with { Name = $"{rater.Name} vs automatic" })).Concat(agreement.BetweenRaters))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html(row.Name)}</td><td class=\"num\">{row.Items}</td><td class=\"num\">{row.PercentAgreement:P1}</td><td class=\"num\">{(row.CohenKappa is { } k ? Number(k, "0.000") : "undefined")}</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void AppendMethods(StringBuilder html, EvaluationRun run, string? fontWarning)
    {
        var configuration = run.Configuration;
        html.Append("<section>\n<h2>Methods</h2>\n<ul>\n");
        html.Append(CultureInfo.InvariantCulture, $"<li>Retrieval (top-{configuration.TopK}): {Html(configuration.RetrievalMetricsMethod)}</li>\n");
        html.Append(CultureInfo.InvariantCulture, $"<li>Gold passage relevance: {Html(configuration.PassageRelevanceRule)}</li>\n");
        html.Append(CultureInfo.InvariantCulture, $"<li>Answers: {Html(configuration.AnswerMetricsMethod)}; BLEU {Html(configuration.BleuSignature)}; ROUGE {Html(configuration.RougeMethod)}</li>\n");
        foreach (var method in configuration.GroundednessMethods)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>Groundedness: {Html(method)}</li>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<li>Answer tokens: {Html(configuration.TokenCounting)}</li>\n");
        if (run.Aggregates.CorpusBleu is { } bleu)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>Corpus {Html(bleu.ToString())}</li>\n");
        }

        if (fontWarning is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>Charts: {Html(fontWarning)}</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendQuestions(StringBuilder html, EvaluationRun run)
    {
        html.Append("<section>\n<h2>Questions</h2>\n");
        var ratings = run.HumanRatings.ToLookup(rating => rating.QuestionId, StringComparer.Ordinal);
        foreach (var question in run.Questions)
        {
            AppendQuestion(html, question, ratings[question.Id], run.Configuration.TopK);
        }

        html.Append("</section>\n");
    }

    private static void AppendQuestion(StringBuilder html, QuestionResult question, IEnumerable<HumanRating> ratings, int k)
    {
        var primary = question.PrimaryGroundedness;
        var flagged = primary?.UnsupportedCount > 0;
        var cssClass = question.Error is not null ? "question failed" : flagged ? "question flagged" : "question";
        html.Append(CultureInfo.InvariantCulture, $"<details class=\"{cssClass}\" id=\"q-{Html(question.Id)}\">\n<summary><span class=\"id\">{Html(question.Id)}</span>{Html(Truncate(question.Question, 140))}");
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge\">{Html(question.Language)}</span>");
        if (question.Metrics.TryGetValue(MetricKeys.F1, out var f1))
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge{(f1.Value >= 0.5 ? " good" : " bad")}\">F1 {Html(Value(MetricKeys.F1, f1.Value))}</span>");
        }

        if (flagged)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge bad\">{primary!.UnsupportedCount} unsupported</span>");
        }

        if (question.Abstained)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge{(question.Answerable ? " bad" : " good")}\">abstained</span>");
        }

        if (question.Error is not null)
        {
            html.Append("<span class=\"badge bad\">error</span>");
        }

        html.Append("</summary>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h4>Question</h4><p>{Html(question.Question)}</p>\n");
        html.Append(question.Answerable
            ? $"<h4>Gold answers</h4><ul>{string.Concat(question.GoldAnswers.Select(answer => $"<li>{Html(answer)}</li>"))}</ul>\n"
            : "<h4>Gold answer</h4><p>Unanswerable from the documents: the system should abstain.</p>\n");
        if (question.Error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h4>Error</h4><p>{Html(question.Error)}</p>\n</details>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h4>Answer ({Html(question.Mode?.ToString() ?? "")}, {question.LatencyMs:0} ms{(question.Abstained ? ", abstained" : "")})</h4><div class=\"answer\">{Html(question.AnswerText)}</div>\n");
        AppendClaims(html, question);
        AppendCitations(html, question);
        AppendContext(html, question, k);
        AppendQuestionMetrics(html, question);
        var questionRatings = ratings.ToList();
        if (questionRatings.Count > 0)
        {
            html.Append("<h4>Human ratings</h4><ul>");
            foreach (var rating in questionRatings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{Html(rating.Rater)}: correctness {rating.Correctness}/5, hallucination {(rating.Hallucination ? "yes" : "no")}{(rating.Comment.Length > 0 ? " — " + Html(rating.Comment) : "")}</li>");
            }

            html.Append("</ul>\n");
        }

        html.Append("</details>\n");
    }

    private static void AppendClaims(StringBuilder html, QuestionResult question)
    {
        foreach (var report in question.Groundedness)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h4>Claims: {Html(report.Method)}</h4><p class=\"note\">{Html(report.MethodDescription)}{(report.ParseFailures > 0 ? $" · {report.ParseFailures} unreadable verdict(s)" : "")}</p><ol>\n");
            foreach (var claim in report.Claims)
            {
                var (cssClass, text) = claim.Verdict switch
                {
                    ClaimVerdict.Unsupported => ("unsupported", $"<mark>{Html(claim.Claim.Text)}</mark>"),
                    ClaimVerdict.Undetermined => ("undetermined", Html(claim.Claim.Text)),
                    _ => ("supported", Html(claim.Claim.Text)),
                };
                var score = claim.Score is { } value ? $" · score {Number(value, "0.00")}" : "";
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"{cssClass}\">{text} <span class=\"reason\">{claim.Verdict}{score}{(claim.Reason is null ? "" : " · " + Html(claim.Reason))}</span></li>\n");
            }

            html.Append("</ol>\n");
        }
    }

    private static void AppendCitations(StringBuilder html, QuestionResult question)
    {
        if (question.Citations.Count == 0)
        {
            return;
        }

        var verdicts = question.CitationCheck?.Verdicts.ToLookup(verdict => verdict.Number);
        html.Append("<h4>Citations</h4><ol class=\"citations\">\n");
        foreach (var citation in question.Citations.OrderBy(citation => citation.Number))
        {
            var checks = verdicts?[citation.Number].ToList() ?? [];
            var check = checks.Count == 0 ? "not cited in the text" : string.Join(", ", checks.Select(verdict => $"claim {verdict.ClaimIndex + 1}: {verdict.Verdict}"));
            var page = citation.Page is { } number ? $", p. {number}" : "";
            html.Append(CultureInfo.InvariantCulture, $"<li value=\"{citation.Number}\"><strong>{Html(citation.SourcePath)}</strong>{Html(page)} {Html(citation.HeadingPath)} — “{Html(Truncate(citation.Quote, 300))}” <span class=\"reason\">{Html(check)}</span></li>\n");
        }

        html.Append("</ol>\n");
    }

    private static void AppendContext(StringBuilder html, QuestionResult question, int k)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h4>Retrieved context (top {k})</h4><table>\n<tr><th class=\"num\">#</th><th class=\"num\">Score</th><th>Source</th><th>Gold</th><th>Text</th></tr>\n");
        foreach (var chunk in question.Context)
        {
            var gold = chunk.MatchedGoldPassages.Count > 0 ? "✓ " + string.Join(", ", chunk.MatchedGoldPassages.Select(index => $"#{index + 1}")) : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{chunk.Rank}</td><td class=\"num\">{Number(chunk.Score, "0.000")}</td><td>{Html(chunk.SourcePath)}<br><span class=\"note\">{Html(chunk.HeadingPath)}</span></td><td>{Html(gold)}</td><td class=\"context\">{Html(Truncate(chunk.Text, 600))}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendQuestionMetrics(StringBuilder html, QuestionResult question)
    {
        html.Append(CultureInfo.InvariantCulture, $"<details><summary>All {question.Metrics.Count} metrics with their methods</summary><table>\n");
        foreach (var (key, value) in question.Metrics.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html(DisplayName(key))}</td><td class=\"num\">{Html(Value(key, value.Value))}</td><td class=\"note\">{Html(value.Method)}</td></tr>\n");
        }

        html.Append("</table></details>\n");
    }
}

/// <summary>Inline SVG charts for the HTML report; null where a chart has no data or could not be drawn.</summary>
internal sealed record ReportCharts(string? ByLanguage, string? ByTag, string? Latency, string? FontWarning);
