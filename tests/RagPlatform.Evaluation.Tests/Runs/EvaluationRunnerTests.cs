using RagPlatform.Core.Generation;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Evaluation.Tests.Hallucination;

namespace RagPlatform.Evaluation.Tests.Runs;

public sealed class EvaluationRunnerTests
{
    [Fact]
    public async Task Scores_every_outcome_of_the_scenario()
    {
        using var directory = new TempDirectory();
        var dataset = await EvaluationScenario.WriteDatasetAsync(directory);
        var progress = new List<EvaluationProgress>();

        var run = await EvaluationScenario.RunAsync(dataset, EvaluationScenario.BaselineAnswers(), "baseline", new SynchronousProgress<EvaluationProgress>(progress.Add));

        var byId = run.Questions.ToDictionary(question => question.Id);
        Assert.Equal(7, progress.Count);
        Assert.Equal(7, progress[^1].Completed);
        Assert.Single(progress, report => report.Failed);

        var q1 = byId["q1"];
        Assert.Equal(1, q1.Metrics[MetricKeys.ExactMatch].Value);
        Assert.Equal(1, q1.Metrics[MetricKeys.F1].Value);
        Assert.Equal(1, q1.Metrics[MetricKeys.HitAt(1)].Value);
        Assert.Equal(1, q1.Metrics[MetricKeys.NdcgAt(2)].Value);
        Assert.Equal(0.5, q1.Metrics[MetricKeys.ContextPrecision].Value);
        Assert.Equal(0, q1.Metrics[MetricKeys.UnsupportedClaimRate].Value);
        Assert.Equal(1, q1.Metrics[MetricKeys.CitationCorrectness].Value);
        Assert.True(q1.Metrics[MetricKeys.TokensPerSecond].Value > 0);
        Assert.Contains("lexical", q1.Metrics[MetricKeys.UnsupportedClaimRate].Method, StringComparison.Ordinal);
        Assert.Equal([0], q1.Context[0].MatchedGoldPassages);

        var q2 = byId["q2"];
        Assert.Equal(0.5, q2.Metrics[MetricKeys.Mrr].Value);
        Assert.Equal(0, q2.Metrics[MetricKeys.HitAt(1)].Value);
        var q2Claims = q2.PrimaryGroundedness!;
        Assert.Equal([ClaimVerdict.Supported, ClaimVerdict.Unsupported], q2Claims.Claims.Select(claim => claim.Verdict));
        Assert.Equal(0.5, q2.Metrics[MetricKeys.UnsupportedClaimRate].Value);
        Assert.Equal(0.5, q2.Metrics[MetricKeys.CitationCorrectness].Value);
        Assert.Equal(1, q2.Metrics[MetricKeys.CitationCoverage].Value);

        Assert.Equal("id", byId["q3"].Language);
        Assert.Equal(2.0 / 3, byId["q3"].Metrics[MetricKeys.F1].Value, 12);
        Assert.False(byId["q3"].Metrics.ContainsKey(MetricKeys.TokensPerSecond));

        Assert.Equal(AbstentionOutcome.CorrectAbstention, byId["q4"].AbstentionOutcome);
        Assert.Empty(byId["q4"].Groundedness);
        Assert.False(byId["q4"].Metrics.ContainsKey(MetricKeys.F1));
        Assert.False(byId["q4"].Metrics.ContainsKey(MetricKeys.HitAt(2)));

        var q5 = byId["q5"];
        Assert.Equal("id", q5.Language);
        Assert.Equal(AbstentionOutcome.MissedAbstention, q5.AbstentionOutcome);
        Assert.Equal(1, q5.Metrics[MetricKeys.UnsupportedClaimRate].Value);

        Assert.Equal(AbstentionOutcome.FalseAbstention, byId["q6"].AbstentionOutcome);
        Assert.Equal(1, byId["q6"].Metrics[MetricKeys.FalseAbstention].Value);
        Assert.Equal(0, byId["q6"].Metrics[MetricKeys.F1].Value);

        Assert.Contains("The generator is down", byId["q7"].Error, StringComparison.Ordinal);
        Assert.Empty(byId["q7"].Metrics);
    }

    [Fact]
    public async Task Aggregates_overall_by_language_and_by_tag()
    {
        using var directory = new TempDirectory();
        var dataset = await EvaluationScenario.WriteDatasetAsync(directory);

        var run = await EvaluationScenario.RunAsync(dataset, EvaluationScenario.BaselineAnswers(), "baseline");

        var aggregates = run.Aggregates;
        Assert.Equal(1, aggregates.ErrorCount);
        Assert.Equal((1, 1, 1, 3), (aggregates.Abstention.TruePositives, aggregates.Abstention.FalsePositives, aggregates.Abstention.FalseNegatives, aggregates.Abstention.TrueNegatives));
        Assert.Equal(4.0 / 6, aggregates.Overall.Metrics[MetricKeys.AbstentionCorrect].Mean, 12);
        Assert.Equal(6, aggregates.Overall.QuestionCount);
        Assert.Equal(4, aggregates.Overall.Metrics[MetricKeys.F1].Count);
        Assert.Equal(["en", "id"], aggregates.ByLanguage.Select(group => group.Name));
        Assert.Contains(aggregates.ByTag, group => group.Name == EvaluationScenario.InjectedTag);
        Assert.Equal(2, aggregates.ByTag.Single(group => group.Name == "unanswerable").QuestionCount);
        Assert.NotNull(aggregates.CorpusBleu);
        Assert.Equal(aggregates.CorpusBleu!.Score, aggregates.Overall.Metrics[MetricKeys.CorpusBleu].Mean, 12);
        Assert.Equal(6, aggregates.Latency.Count);
        Assert.True(aggregates.Latency.P95Ms >= aggregates.Latency.P50Ms);
        Assert.True(run.Resources.PeakWorkingSetBytes > 0);
        Assert.Equal("lexical", run.Configuration.PrimaryGroundednessMethod);
        Assert.Equal(7, run.Dataset.QuestionCount);
    }

    [Fact]
    public async Task Optional_judge_embeddings_and_scorer_add_their_measurements()
    {
        using var directory = new TempDirectory();
        var dataset = await EvaluationScenario.WriteDatasetAsync(directory);
        var judge = new ScriptedChatClient(AllSupported);
        var options = new EvaluationOptions
        {
            TopK = 2,
            Judge = judge,
            Embeddings = new HashingEmbeddingGenerator(),
            TextScorer = new UniformScorer(),
            AnswerTokenCounter = text => text.Length,
            PromptComponents = { ["persona"] = "tutor" },
        };

        var run = await new EvaluationRunner().RunAsync(new FakeQuestionAnswerer(EvaluationScenario.BaselineAnswers()), dataset, options);

        var q2 = run.Questions.Single(question => question.Id == "q2");
        Assert.Equal(["llm-judge", "semantic", "lexical"], q2.Groundedness.Select(report => report.Method));
        Assert.Equal(0, q2.Metrics[MetricKeys.UnsupportedClaimRate].Value);
        Assert.Equal(0.5, q2.Metrics[MetricKeys.UnsupportedClaimRateBy("lexical")].Value);
        Assert.True(q2.Metrics.ContainsKey(MetricKeys.UnsupportedClaimRateBy("semantic")));
        Assert.Equal(Math.Exp(2), q2.Metrics[MetricKeys.GoldAnswerPerplexity].Value, 9);
        Assert.Equal(q2.AnswerText.Length, q2.Metrics[MetricKeys.AnswerTokens].Value);
        Assert.Equal("llm-judge", run.Configuration.PrimaryGroundednessMethod);
        Assert.Equal("the configured token counter", run.Configuration.TokenCounting);
        Assert.NotEmpty(judge.Requests);
    }

    [Fact]
    public async Task Passes_top_k_and_prompt_components_and_answers_concurrently_in_dataset_order()
    {
        using var directory = new TempDirectory();
        var dataset = await EvaluationScenario.WriteDatasetAsync(directory);
        var answerer = new FakeQuestionAnswerer(EvaluationScenario.BaselineAnswers());

        var run = await new EvaluationRunner().RunAsync(answerer, dataset, new EvaluationOptions { TopK = 1, Concurrency = 3, PromptComponents = { ["tone"] = "formal" } });

        Assert.Equal(dataset.Items.Select(item => item.Id), run.Questions.Select(question => question.Id));
        Assert.All(answerer.Requests, request => Assert.Equal(1, request.TopK));
        Assert.All(answerer.Requests, request => Assert.Equal("formal", request.PromptComponents!["tone"]));
        Assert.True(run.Questions.Where(question => question.Error is null).All(question => question.Context.Count <= 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new EvaluationRunner().RunAsync(answerer, dataset, new EvaluationOptions { Concurrency = 0 }));
    }

    /// <summary>A judge that finds every numbered statement of the prompt supported.</summary>
    private static string AllSupported(IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> request)
    {
        var statements = request[1].Text.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\d+\. "));
        return "[" + string.Join(',', Enumerable.Repeat("\"yes\"", statements)) + "]";
    }

    /// <summary>Every token gets log-probability −2, so perplexity is e².</summary>
    private sealed class UniformScorer : ITextScorer
    {
        public Task<TextScore> ScoreAsync(string context, string continuation, CancellationToken cancellationToken = default) =>
            Task.FromResult(new TextScore(continuation.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(token => new TokenLogProbability(token, -2)).ToList()));
    }
}

/// <summary>Reports on the calling thread, so the test sees every report before the run returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
