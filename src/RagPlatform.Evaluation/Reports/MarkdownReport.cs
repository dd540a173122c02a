using System.Globalization;
using System.Text;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Runs;
using static RagPlatform.Evaluation.Reports.ReportFormatting;

namespace RagPlatform.Evaluation.Reports;

internal static class MarkdownReport
{
    public static string Render(EvaluationRun run, HumanAgreementReport? agreement)
    {
        var md = new StringBuilder();
        var overall = run.Aggregates.Overall;
        md.AppendLine(CultureInfo.InvariantCulture, $"# Evaluation report: {Markdown(run.Dataset.Name)}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Run: `{run.RunId}`, started {run.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, took {run.Duration.TotalSeconds:0.0} s");
        if (run.Configuration.Description.Length > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- System: {Markdown(run.Configuration.Description)}");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- Dataset: {Markdown(run.Dataset.SourcePath)} ({run.Dataset.QuestionCount} questions, sha256 `{run.Dataset.Sha256}`)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Failed questions: {run.Aggregates.ErrorCount}").AppendLine();

        md.AppendLine("## Headline").AppendLine().AppendLine("| Metric | Value | Questions | Method |").AppendLine("|---|---:|---:|---|");
        foreach (var key in KeyMetrics(run))
        {
            var summary = overall.Metrics[key];
            md.AppendLine(CultureInfo.InvariantCulture, $"| {DisplayName(key)} | {Value(key, summary.Mean)} | {summary.Count} | {Markdown(summary.Method)} |");
        }

        md.AppendLine().AppendLine("## All metrics").AppendLine().AppendLine("| Metric | Mean | Questions | Method |").AppendLine("|---|---:|---:|---|");
        foreach (var (key, summary) in overall.Metrics.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {DisplayName(key)} | {Value(key, summary.Mean)} | {summary.Count} | {Markdown(summary.Method)} |");
        }

        AppendGroups(md, "By language", run.Aggregates.ByLanguage, KeyMetrics(run));
        AppendGroups(md, "By tag", run.Aggregates.ByTag, KeyMetrics(run));
        AppendAbstentionAndSpeed(md, run);
        AppendMethods(md, run);
        AppendHuman(md, agreement);
        AppendQuestions(md, run);
        return md.ToString();
    }

    private static void AppendGroups(StringBuilder md, string title, IReadOnlyList<MetricGroup> groups, IReadOnlyList<string> keys)
    {
        if (groups.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        md.AppendLine("| Group | Questions | " + string.Join(" | ", keys.Select(DisplayName)) + " |");
        md.AppendLine("|---|---:|" + string.Concat(keys.Select(_ => "---:|")));
        foreach (var group in groups)
        {
            var cells = keys.Select(key => group.Metrics.TryGetValue(key, out var summary) ? Value(key, summary.Mean) : "–");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(group.Name)} | {group.QuestionCount} | {string.Join(" | ", cells)} |");
        }
    }

    private static void AppendAbstentionAndSpeed(StringBuilder md, EvaluationRun run)
    {
        var abstention = run.Aggregates.Abstention;
        var latency = run.Aggregates.Latency;
        md.AppendLine().AppendLine("## Abstention").AppendLine();
        md.AppendLine("Abstaining treated as detecting unanswerable questions (positive = abstained / unanswerable).").AppendLine();
        md.AppendLine("| Abstained on unanswerable (TP) | Abstained on answerable (FP) | Answered unanswerable (FN) | Answered answerable (TN) | Accuracy | Precision | Recall | F1 |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {abstention.TruePositives} | {abstention.FalsePositives} | {abstention.FalseNegatives} | {abstention.TrueNegatives} | {abstention.Accuracy:P1} | {abstention.Precision:P1} | {abstention.Recall:P1} | {abstention.F1:P1} |");

        md.AppendLine().AppendLine("## Speed and resources").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Latency: mean {latency.MeanMs:0} ms, p50 {latency.P50Ms:0} ms, p95 {latency.P95Ms:0} ms, max {latency.MaxMs:0} ms ({latency.Count} questions, Stopwatch around AskAsync; percentiles by linear interpolation)");
        if (run.Aggregates.Overall.Metrics.TryGetValue(MetricKeys.TokensPerSecond, out var speed))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Generation speed: {speed.Mean:0.0} tokens/s ({Markdown(speed.Method)})");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- Peak working set: {Megabytes(run.Resources.PeakWorkingSetBytes)} on {run.Resources.ProcessorCount} cores, {Markdown(run.Resources.Runtime)}, {Markdown(run.Resources.OperatingSystem)}");
    }

    private static void AppendMethods(StringBuilder md, EvaluationRun run)
    {
        var configuration = run.Configuration;
        md.AppendLine().AppendLine("## Methods").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Retrieval: top-{configuration.TopK}; {Markdown(configuration.RetrievalMetricsMethod)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Gold passage relevance: {Markdown(configuration.PassageRelevanceRule)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Answers: {Markdown(configuration.AnswerMetricsMethod)}; BLEU {Markdown(configuration.BleuSignature)}; ROUGE {Markdown(configuration.RougeMethod)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Groundedness (primary first): {Markdown(string.Join("; ", configuration.GroundednessMethods))}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Answer tokens counted as {Markdown(configuration.TokenCounting)}");
        if (run.Aggregates.CorpusBleu is { } bleu)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Corpus {Markdown(bleu.ToString())}");
        }
    }

    private static void AppendHuman(StringBuilder md, HumanAgreementReport? agreement)
    {
        if (agreement is null)
        {
            return;
        }

        md.AppendLine().AppendLine("## Human ratings").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{agreement.RatingCount} ratings of {agreement.RatedQuestionCount} questions; mean correctness {agreement.MeanCorrectness:0.00} / 5; humans flagged hallucination in {agreement.HumanHallucinationRate:P0} of ratings, the automatic method ({Markdown(agreement.AutomaticMethod)}) in {agreement.AutomaticHallucinationRate:P0}.").AppendLine();
        md.AppendLine("| Comparison | Items | Agreement | Cohen's kappa |").AppendLine("|---|---:|---:|---:|");
        foreach (var row in new[] { agreement.HumanVsAutomatic }.Concat(agreement.PerRater.Select(rater => rater with { Name = $"{rater.Name} vs automatic" })).Concat(agreement.BetweenRaters))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(row.Name)} | {row.Items} | {row.PercentAgreement:P1} | {(row.CohenKappa is { } kappa ? Number(kappa, "0.000") : "undefined")} |");
        }
    }

    private static void AppendQuestions(StringBuilder md, EvaluationRun run)
    {
        var k = run.Configuration.TopK;
        md.AppendLine().AppendLine("## Questions").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| Id | Language | Answerable | Abstained | F1 | EM | Unsupported claims | Hit@{k} | Latency | Human |");
        md.AppendLine("|---|---|---|---|---:|---:|---:|---:|---:|---|");
        var ratings = run.HumanRatings.ToLookup(rating => rating.QuestionId, StringComparer.Ordinal);
        foreach (var question in run.Questions)
        {
            string Cell(string key) => question.Metrics.TryGetValue(key, out var value) ? Value(key, value.Value) : "–";
            var primary = question.PrimaryGroundedness;
            var unsupported = primary is null ? "–" : $"{primary.UnsupportedCount}/{primary.Claims.Count}";
            var human = string.Join(", ", ratings[question.Id].Select(rating => $"{rating.Rater}: {rating.Correctness}/5{(rating.Hallucination ? " halluc." : "")}"));
            var status = question.Error is null ? (question.Abstained ? "yes" : "no") : "error";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(question.Id)} | {Markdown(question.Language)} | {(question.Answerable ? "yes" : "no")} | {status} | {Cell(MetricKeys.F1)} | {Cell(MetricKeys.ExactMatch)} | {unsupported} | {Cell(MetricKeys.HitAt(k))} | {question.LatencyMs:0} ms | {Markdown(human)} |");
        }

        var flagged = run.Questions.Where(question => question.PrimaryGroundedness?.UnsupportedCount > 0).ToList();
        if (flagged.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("### Unsupported claims").AppendLine();
        foreach (var question in flagged)
        {
            foreach (var claim in question.PrimaryGroundedness!.Claims.Where(claim => claim.Verdict == ClaimVerdict.Unsupported))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{Markdown(question.Id)}**: {Markdown(claim.Claim.Text)}{(claim.Reason is null ? "" : $" — _{Markdown(claim.Reason)}_")}");
            }
        }
    }
}
