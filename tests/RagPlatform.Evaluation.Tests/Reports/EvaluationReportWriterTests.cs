using System.Text.Json;
using AngleSharp.Html.Parser;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Evaluation.Tests.Runs;

namespace RagPlatform.Evaluation.Tests.Reports;

public sealed class EvaluationReportWriterTests
{
    [Fact]
    public async Task Writes_round_trippable_json_markdown_and_self_contained_html()
    {
        using var directory = new TempDirectory();
        var dataset = await EvaluationScenario.WriteDatasetAsync(directory);
        var run = await EvaluationScenario.RunAsync(dataset, EvaluationScenario.BaselineAnswers(), "baseline <b>system</b>");
        var outDir = Path.Combine(directory.Path, "report");

        var files = await new EvaluationReportWriter().WriteAsync(run, outDir);

        Assert.Equal(Path.Combine(outDir, "run.json"), files.RunJson);
        var loaded = await EvaluationRun.LoadAsync(files.RunJson);
        Assert.Equal(Serialize(run), Serialize(loaded));
        Assert.Equal(run.Aggregates.Overall.Metrics[MetricKeys.F1].Mean, loaded.Aggregates.Overall.Metrics[MetricKeys.F1].Mean);

        var markdown = await File.ReadAllTextAsync(files.Markdown);
        Assert.Contains("## Headline", markdown, StringComparison.Ordinal);
        Assert.Contains($"| Token F1 | {ReportValue(run, MetricKeys.F1)} |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Unsupported claim rate |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);

        var html = await File.ReadAllTextAsync(files.Html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>system</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe"));
        string Headline(string key) => document.QuerySelector($".card[data-metric='{key}'] .value")?.TextContent ?? "";
        Assert.Equal(ReportValue(run, MetricKeys.F1), Headline(MetricKeys.F1));
        Assert.Equal(ReportValue(run, MetricKeys.ExactMatch), Headline(MetricKeys.ExactMatch));
        Assert.Equal(ReportValue(run, MetricKeys.UnsupportedClaimRate), Headline(MetricKeys.UnsupportedClaimRate));
        Assert.Equal(ReportValue(run, MetricKeys.AbstentionCorrect), Headline(MetricKeys.AbstentionCorrect));
        Assert.Equal(ReportValue(run, MetricKeys.HitAt(2)), Headline(MetricKeys.HitAt(2)));
        Assert.Equal(ReportValue(run, MetricKeys.Mrr), Headline(MetricKeys.Mrr));
        Assert.Equal(ReportValue(run, MetricKeys.NdcgAt(2)), Headline(MetricKeys.NdcgAt(2)));
        Assert.Contains("ms", Headline(MetricKeys.LatencyMs), StringComparison.Ordinal);

        Assert.Equal(3, document.QuerySelectorAll("figure svg").Length);
        Assert.Equal(7, document.QuerySelectorAll("details.question").Length);
        Assert.Single(document.QuerySelectorAll("details.question.failed"));
        var q2 = document.QuerySelector("details#q-q2")!;
        Assert.Contains("<script>alert('q')</script>", q2.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("BLEU correlates strongly with human judgements. <script>alert('answer')</script>", q2.QuerySelector("li.unsupported mark")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("td"), cell => cell.TextContent == EvaluationScenario.InjectedTag);
        Assert.Contains("baseline <b>system</b>", document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_a_file_that_is_not_a_run_names_the_file()
    {
        using var directory = new TempDirectory();
        var path = directory.File("run.json", "{\"runId\": 5");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EvaluationRun.LoadAsync(path));

        Assert.Contains("run.json", error.Message, StringComparison.Ordinal);
    }

    private static string ReportValue(EvaluationRun run, string key) =>
        $"{run.Aggregates.Overall.Metrics[key].Mean * 100:0.0} %".Replace(',', '.');

    private static string Serialize(EvaluationRun run) => JsonSerializer.Serialize(run, EvaluationRun.JsonOptions);
}
