using System.Globalization;
using System.Text;
using RagPlatform.Evaluation.Runs;
using static RagPlatform.Evaluation.Reports.ReportFormatting;

namespace RagPlatform.Evaluation.Reports;

/// <summary>Compares a candidate run with a baseline: metric deltas per group and per-question flips.</summary>
public static class RunComparer
{
    public const string MarkdownFileName = "comparison.md";
    public const string HtmlFileName = "comparison.html";

    public static RunComparison Compare(EvaluationRun baseline, EvaluationRun candidate, RunComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        options ??= new RunComparisonOptions();
        var deltas = new List<MetricDelta>();
        foreach (var (baselineGroup, candidateGroup) in PairGroups(baseline.Aggregates, candidate.Aggregates))
        {
            foreach (var (key, before) in baselineGroup.Metrics.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (candidateGroup.Metrics.TryGetValue(key, out var after))
                {
                    deltas.Add(Delta(baselineGroup.Name, key, before.Mean, after.Mean, options));
                }
            }
        }

        return new RunComparison(
            baseline.RunId,
            candidate.RunId,
            baseline.Configuration.Description,
            candidate.Configuration.Description,
            deltas,
            Flips(baseline, candidate, options),
            Warnings(baseline, candidate));
    }

    public static async Task<ComparisonFiles> WriteAsync(RunComparison comparison, string outDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);
        var markdownPath = Path.Combine(outDir, MarkdownFileName);
        var htmlPath = Path.Combine(outDir, HtmlFileName);
        await File.WriteAllTextAsync(markdownPath, RenderMarkdown(comparison), ReportFormatting.Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(htmlPath, RenderHtml(comparison), ReportFormatting.Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
        return new ComparisonFiles(markdownPath, htmlPath);
    }

    private static IEnumerable<(MetricGroup Baseline, MetricGroup Candidate)> PairGroups(RunAggregates baseline, RunAggregates candidate)
    {
        yield return (baseline.Overall, candidate.Overall);
        foreach (var (kind, before, after) in new[] { ("language", baseline.ByLanguage, candidate.ByLanguage), ("tag", baseline.ByTag, candidate.ByTag) })
        {
            var candidateGroups = after.ToDictionary(group => group.Name, StringComparer.Ordinal);
            foreach (var group in before.Where(group => candidateGroups.ContainsKey(group.Name)))
            {
                yield return (group with { Name = $"{kind}:{group.Name}" }, candidateGroups[group.Name]);
            }
        }
    }

    private static MetricDelta Delta(string group, string key, double before, double after, RunComparisonOptions options)
    {
        var delta = after - before;
        var relative = before == 0 ? (double?)null : delta / Math.Abs(before);
        var tolerance = MetricKeys.IsFraction(key) ? options.FractionTolerance : options.RelativeTolerance * Math.Abs(before);
        var higherIsBetter = MetricKeys.HigherIsBetter(key);
        var change = Math.Abs(delta) <= tolerance
            ? ChangeKind.Unchanged
            : (delta > 0) == higherIsBetter ? ChangeKind.Improvement : ChangeKind.Regression;
        return new MetricDelta(group, key, before, after, delta, relative, higherIsBetter, change);
    }

    private static List<QuestionFlip> Flips(EvaluationRun baseline, EvaluationRun candidate, RunComparisonOptions options)
    {
        var candidates = candidate.Questions.Where(question => question.Error is null).ToDictionary(question => question.Id, StringComparer.Ordinal);
        var flips = new List<QuestionFlip>();
        foreach (var before in baseline.Questions.Where(question => question.Error is null && candidates.ContainsKey(question.Id)))
        {
            var after = candidates[before.Id];
            if (IsCorrect(before, options) != IsCorrect(after, options))
            {
                flips.Add(new QuestionFlip(before.Id, before.Question, "correct", IsCorrect(before, options) ? FlipDirection.CorrectToWrong : FlipDirection.WrongToCorrect, Outcome(before), Outcome(after)));
            }

            if (IsGrounded(before) != IsGrounded(after))
            {
                flips.Add(new QuestionFlip(before.Id, before.Question, "grounded", IsGrounded(before) ? FlipDirection.CorrectToWrong : FlipDirection.WrongToCorrect, Grounding(before), Grounding(after)));
            }
        }

        return flips;
    }

    private static bool IsCorrect(QuestionResult question, RunComparisonOptions options) =>
        question.Answerable
            ? !question.Abstained && question.Metrics.TryGetValue(MetricKeys.F1, out var f1) && f1.Value >= options.CorrectF1
            : question.Abstained;

    private static bool IsGrounded(QuestionResult question) => !(question.PrimaryGroundedness?.UnsupportedCount > 0);

    private static string Outcome(QuestionResult question) =>
        question.Abstained ? "abstained"
        : question.Metrics.TryGetValue(MetricKeys.F1, out var f1) ? $"F1 {Value(MetricKeys.F1, f1.Value)}: {Truncate(question.AnswerText, 160)}"
        : $"answered: {Truncate(question.AnswerText, 160)}";

    private static string Grounding(QuestionResult question) =>
        question.PrimaryGroundedness is { } report ? $"{report.UnsupportedCount} of {report.Claims.Count} claims unsupported" : "no claims";

    private static List<string> Warnings(EvaluationRun baseline, EvaluationRun candidate)
    {
        var warnings = new List<string>();
        if (baseline.Dataset.Sha256 != candidate.Dataset.Sha256)
        {
            warnings.Add($"The runs used different dataset files ({baseline.Dataset.Name} sha256 {baseline.Dataset.Sha256[..8]}… vs {candidate.Dataset.Name} {candidate.Dataset.Sha256[..8]}…).");
        }

        if (baseline.Configuration.PrimaryGroundednessMethod != candidate.Configuration.PrimaryGroundednessMethod)
        {
            warnings.Add($"Unsupported-claim rates come from different methods ({baseline.Configuration.PrimaryGroundednessMethod} vs {candidate.Configuration.PrimaryGroundednessMethod}).");
        }

        if (baseline.Configuration.TopK != candidate.Configuration.TopK)
        {
            warnings.Add($"Retrieval depth differs (top-{baseline.Configuration.TopK} vs top-{candidate.Configuration.TopK}); @k metrics are not comparable.");
        }

        return warnings;
    }

    private static string RenderMarkdown(RunComparison comparison)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Run comparison: `{comparison.CandidateRunId}` vs baseline `{comparison.BaselineRunId}`").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Baseline: {Markdown(comparison.BaselineDescription)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Candidate: {Markdown(comparison.CandidateDescription)}");
        foreach (var warning in comparison.Warnings)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **Warning:** {Markdown(warning)}");
        }

        foreach (var (title, deltas) in new[] { ("Regressions", comparison.Regressions.ToList()), ("Improvements", comparison.Improvements.ToList()) })
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {title} ({deltas.Count})").AppendLine();
            if (deltas.Count == 0)
            {
                md.AppendLine("None.");
                continue;
            }

            md.AppendLine("| Group | Metric | Baseline | Candidate | Δ | Relative |").AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var delta in deltas)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(delta.Group)} | {DisplayName(delta.Metric)} | {Value(delta.Metric, delta.Baseline)} | {Value(delta.Metric, delta.Candidate)} | {SignedDelta(delta)} | {Relative(delta)} |");
            }
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Question flips ({comparison.Flips.Count})").AppendLine();
        md.AppendLine("| Question | Criterion | Direction | Baseline | Candidate |").AppendLine("|---|---|---|---|---|");
        foreach (var flip in comparison.Flips.OrderBy(flip => flip.Direction).ThenBy(flip => flip.QuestionId, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(flip.QuestionId)}: {Markdown(Truncate(flip.Question, 80))} | {flip.Criterion} | {FlipLabel(flip)} | {Markdown(flip.Baseline)} | {Markdown(flip.Candidate)} |");
        }

        return md.ToString();
    }

    private static string RenderHtml(RunComparison comparison)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>Run comparison: {Html(comparison.CandidateRunId)}</title>\n<style>\n{HtmlReport.Style}tr.regression td {{ background: #ffebe9; }} tr.improvement td {{ background: #dafbe1; }}\n</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Run comparison</h1>\n<p class=\"meta\">Baseline {Html(comparison.BaselineRunId)}: {Html(comparison.BaselineDescription)}</p>\n<p class=\"meta\">Candidate {Html(comparison.CandidateRunId)}: {Html(comparison.CandidateDescription)}</p>\n");
        foreach (var warning in comparison.Warnings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"badge bad\">{Html(warning)}</p>\n");
        }

        html.Append("<div class=\"cards\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"value\">{comparison.Regressions.Count()}</div><div class=\"label\">Regressions</div></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"value\">{comparison.Improvements.Count()}</div><div class=\"label\">Improvements</div></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"value\">{comparison.Flips.Count(flip => flip.Direction == FlipDirection.CorrectToWrong)}</div><div class=\"label\">Questions flipped to wrong</div></div>\n</div>\n");

        html.Append("<h2>Metric changes</h2>\n<table>\n<tr><th>Group</th><th>Metric</th><th class=\"num\">Baseline</th><th class=\"num\">Candidate</th><th class=\"num\">Δ</th><th class=\"num\">Relative</th><th>Change</th></tr>\n");
        foreach (var delta in comparison.Deltas.Where(delta => delta.Change != ChangeKind.Unchanged).OrderBy(delta => delta.Change == ChangeKind.Regression ? 0 : 1))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{delta.Change.ToString().ToLowerInvariant()}\"><td>{Html(delta.Group)}</td><td>{Html(DisplayName(delta.Metric))}</td><td class=\"num\">{Html(Value(delta.Metric, delta.Baseline))}</td><td class=\"num\">{Html(Value(delta.Metric, delta.Candidate))}</td><td class=\"num\">{Html(SignedDelta(delta))}</td><td class=\"num\">{Html(Relative(delta))}</td><td>{delta.Change}</td></tr>\n");
        }

        html.Append("</table>\n<h2>Question flips</h2>\n<table>\n<tr><th>Question</th><th>Criterion</th><th>Direction</th><th>Baseline</th><th>Candidate</th></tr>\n");
        foreach (var flip in comparison.Flips.OrderBy(flip => flip.Direction).ThenBy(flip => flip.QuestionId, StringComparer.Ordinal))
        {
            var cssClass = flip.Direction == FlipDirection.CorrectToWrong ? "regression" : "improvement";
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{cssClass}\"><td><span class=\"id\">{Html(flip.QuestionId)}</span>{Html(Truncate(flip.Question, 120))}</td><td>{Html(flip.Criterion)}</td><td>{Html(FlipLabel(flip))}</td><td>{Html(flip.Baseline)}</td><td>{Html(flip.Candidate)}</td></tr>\n");
        }

        html.Append("</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string SignedDelta(MetricDelta delta)
    {
        var magnitude = Value(delta.Metric, Math.Abs(delta.AbsoluteDelta));
        return (delta.AbsoluteDelta < 0 ? "−" : "+") + (MetricKeys.IsFraction(delta.Metric) ? magnitude.Replace(" %", " pp", StringComparison.Ordinal) : magnitude);
    }

    private static string Relative(MetricDelta delta) =>
        delta.RelativeDelta is { } relative ? relative.ToString("+0.0 %;−0.0 %;0.0 %", CultureInfo.InvariantCulture) : "–";

    private static string FlipLabel(QuestionFlip flip) =>
        flip.Direction == FlipDirection.CorrectToWrong ? $"{flip.Criterion} → not {flip.Criterion}" : $"not {flip.Criterion} → {flip.Criterion}";
}
