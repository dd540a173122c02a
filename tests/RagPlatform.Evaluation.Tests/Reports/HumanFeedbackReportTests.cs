using System.Text.Json;
using AngleSharp.Html.Parser;
using RagPlatform.Evaluation.Human;
using RagPlatform.Evaluation.Reports;

namespace RagPlatform.Evaluation.Tests.Reports;

public sealed class HumanFeedbackReportTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly RatedAnswer[] Ratings =
    [
        Rated("chat:a:0", "ana", 5, false, "", "tutor", "friendly", Noon),
        Rated("chat:a:0", "budi", 4, true, "The second sentence is not in the source.", "tutor", "friendly", Noon.AddMinutes(5)),
        Rated("chat:a:1", "ana", 2, true, "Cites <b>nothing</b> | wrong", "research-assistant", "friendly", Noon.AddMinutes(10)),
        Rated("chat:b:0", "ana", 4, false, "", "tutor", "academic", Noon.AddMinutes(1)),
    ];

    [Fact]
    public void Figures_distribution_groups_and_rater_agreement_summarise_the_ratings()
    {
        var report = HumanFeedbackReport.Create("Chat feedback", Ratings, Noon.AddHours(1));

        Assert.Equal(new FeedbackFigures(4, 3, 2, 3.75, 0.5, 0.75), report.Overall);
        Assert.Equal(
            [new CorrectnessCount(1, 0, 0), new CorrectnessCount(2, 0, 1), new CorrectnessCount(3, 0, 0), new CorrectnessCount(4, 1, 1), new CorrectnessCount(5, 1, 0)],
            report.Distribution);
        Assert.Equal(["persona=research-assistant", "persona=tutor", "tone=academic", "tone=friendly"], report.Groups.Select(g => $"{g.Label}={g.Value}"));
        var tutor = report.Groups.Single(g => g is { Label: "persona", Value: "tutor" }).Figures;
        Assert.Equal(3, tutor.RatingCount);
        Assert.Equal(13 / 3.0, tutor.MeanCorrectness, 10);
        Assert.Equal(1 / 3.0, tutor.HallucinationRate, 10);
        var agreement = Assert.Single(report.BetweenRaters);
        Assert.Equal(new LabelAgreement("ana vs budi", 1, 0, 0), agreement);
        Assert.Equal(["chat:a:1", "chat:a:0", "chat:b:0", "chat:a:0"], report.Answers.Select(a => a.Rating.QuestionId));
    }

    [Fact]
    public void Markdown_lists_the_figures_and_every_rated_answer_with_escaped_text()
    {
        var markdown = new HumanFeedbackReportWriter().ToMarkdown(HumanFeedbackReport.Create("Chat feedback", Ratings, Noon));

        Assert.Contains("| Mean correctness | 3.75 / 5 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Hallucination found | 50.0 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 4 | 2 | 1 | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("## By persona", markdown, StringComparison.Ordinal);
        Assert.Contains("| tutor | 3 | 4.33 / 5 | 100.0 % | 33.3 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| ana vs budi | 1 | 0.0 % | 0.000 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- Comment: Cites &lt;b&gt;nothing&lt;/b&gt; \\| wrong", markdown, StringComparison.Ordinal);
        Assert.Contains("- 2/5, hallucination by ana, 2025-03-04 12:10 UTC", markdown, StringComparison.Ordinal);
        Assert.Contains("<http://127.0.0.1:5080/chat/a>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_is_self_contained_with_a_chart_cards_and_encoded_data()
    {
        var html = new HumanFeedbackReportWriter().ToHtml(HumanFeedbackReport.Create("Chat feedback", Ratings, Noon));

        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe"));
        Assert.Single(document.QuerySelectorAll("figure svg"));
        Assert.Equal("3.75 / 5", document.QuerySelector(".card[data-metric='feedback_mean_correctness'] .value")!.TextContent);
        Assert.Equal(4, document.QuerySelectorAll("details.question").Length);
        Assert.Equal(2, document.QuerySelectorAll("details.question.flagged").Length);
        Assert.Contains(document.QuerySelectorAll("details.question p"), p => p.TextContent == "Cites <b>nothing</b> | wrong");
        Assert.Equal("http://127.0.0.1:5080/chat/a", document.QuerySelector("details.question a")!.GetAttribute("href"));
    }

    [Fact]
    public void Json_carries_every_rating_and_the_figures()
    {
        var json = new HumanFeedbackReportWriter().ToJson(HumanFeedbackReport.Create("Chat feedback", Ratings, Noon));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(4, root.GetProperty("overall").GetProperty("ratingCount").GetInt32());
        Assert.Equal(3.75, root.GetProperty("overall").GetProperty("meanCorrectness").GetDouble());
        var first = root.GetProperty("answers")[0];
        Assert.Equal("chat:a:1", first.GetProperty("rating").GetProperty("questionId").GetString());
        Assert.Equal("research-assistant", first.GetProperty("labels").GetProperty("persona").GetString());
    }

    [Fact]
    public void Without_ratings_every_format_says_nothing_was_rated()
    {
        var writer = new HumanFeedbackReportWriter();
        var report = HumanFeedbackReport.Create("Chat feedback", [], Noon);

        Assert.Null(report.Overall);
        Assert.Null(writer.DistributionChart(report));
        Assert.Contains("No answers have been rated yet.", writer.ToMarkdown(report), StringComparison.Ordinal);
        Assert.Contains("No answers have been rated yet.", writer.ToHtml(report), StringComparison.Ordinal);
    }

    private static RatedAnswer Rated(string questionId, string rater, int correctness, bool hallucination, string comment, string persona, string tone, DateTimeOffset ratedAt)
    {
        var conversation = questionId.Split(':')[1];
        return new RatedAnswer(
            new HumanRating(questionId, rater, correctness, hallucination, comment),
            $"Question {questionId}",
            $"Answer to {questionId}.",
            $"Conversation {conversation}",
            ratedAt,
            new Dictionary<string, string> { ["persona"] = persona, ["tone"] = tone },
            new Uri($"http://127.0.0.1:5080/chat/{conversation}"));
    }
}
