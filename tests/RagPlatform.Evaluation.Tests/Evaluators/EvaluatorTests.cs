using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagPlatform.Evaluation.Evaluators;
using RagPlatform.Evaluation.Hallucination;
using RagPlatform.Evaluation.Tests.Hallucination;

namespace RagPlatform.Evaluation.Tests.Evaluators;

public sealed class EvaluatorTests
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What does the Transformer rely on?")];

    [Fact]
    public async Task Answer_accuracy_reports_exact_match_and_f1_with_interpretations()
    {
        var evaluator = new AnswerAccuracyEvaluator();

        var result = await evaluator.EvaluateAsync(Question, Response("The self-attention."), additionalContext: [new GoldAnswersContext(["self-attention", "attention"])]);

        var exactMatch = result.Get<NumericMetric>(AnswerAccuracyEvaluator.ExactMatchMetricName);
        var f1 = result.Get<NumericMetric>(AnswerAccuracyEvaluator.F1MetricName);
        Assert.Equal(1, exactMatch.Value);
        Assert.Equal(1, f1.Value);
        Assert.False(exactMatch.Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Exceptional, f1.Interpretation!.Rating);
        Assert.Equal(Evaluation.Metrics.SquadMetrics.Method, f1.Metadata!["method"]);
        Assert.Single(f1.Context!);
        Assert.Equal(evaluator.EvaluationMetricNames.Order(), result.Metrics.Keys.Order());
    }

    [Fact]
    public async Task Answer_accuracy_fails_low_f1_and_reports_a_missing_context()
    {
        var evaluator = new AnswerAccuracyEvaluator();

        var wrong = await evaluator.EvaluateAsync(Question, Response("Recurrence."), additionalContext: [new GoldAnswersContext(["self-attention"])]);
        var missing = await evaluator.EvaluateAsync(Question, Response("Recurrence."));

        Assert.True(wrong.Get<NumericMetric>(AnswerAccuracyEvaluator.F1MetricName).Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Unacceptable, wrong.Get<NumericMetric>(AnswerAccuracyEvaluator.F1MetricName).Interpretation!.Rating);
        var f1 = missing.Get<NumericMetric>(AnswerAccuracyEvaluator.F1MetricName);
        Assert.Null(f1.Value);
        Assert.Contains(f1.Diagnostics!, diagnostic => diagnostic.Severity == EvaluationDiagnosticSeverity.Error && diagnostic.Message.Contains(nameof(GoldAnswersContext), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Groundedness_uses_lexical_overlap_without_a_chat_configuration()
    {
        var evaluator = new GroundednessEvaluator();
        var context = new GroundingContext(LabelledClaims.Contexts);

        var result = await evaluator.EvaluateAsync(Question, Response("The Transformer relies entirely on self-attention. It was introduced in 2015."), additionalContext: [context]);

        var rate = result.Get<NumericMetric>(GroundednessEvaluator.UnsupportedClaimRateMetricName);
        Assert.Equal(0.5, rate.Value);
        Assert.True(rate.Interpretation!.Failed);
        Assert.Contains("2015", rate.Reason, StringComparison.Ordinal);
        Assert.False(result.Get<BooleanMetric>(GroundednessEvaluator.GroundedMetricName).Value);
        Assert.StartsWith("lexical", rate.Metadata!["method"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groundedness_judges_with_the_chat_configuration_and_warns_about_unreadable_verdicts()
    {
        var judge = new ScriptedChatClient(_ => "{\"verdicts\":[{\"statement\":1,\"verdict\":\"yes\"}]}");
        var evaluator = new GroundednessEvaluator();

        var result = await evaluator.EvaluateAsync(Question, Response("Claim one is here. Claim two is there."), new ChatConfiguration(judge), [new GroundingContext(["Claim one is here."])]);

        var rate = result.Get<NumericMetric>(GroundednessEvaluator.UnsupportedClaimRateMetricName);
        Assert.Equal(0, rate.Value);
        Assert.StartsWith("llm-judge", rate.Metadata!["method"], StringComparison.Ordinal);
        Assert.Contains(rate.Diagnostics!, diagnostic => diagnostic.Severity == EvaluationDiagnosticSeverity.Warning);
        Assert.Single(judge.Requests);
    }

    [Fact]
    public async Task Citation_correctness_checks_each_marker_against_its_source()
    {
        var evaluator = new CitationCorrectnessEvaluator(new LexicalGroundednessChecker());
        var sources = new CitationSourcesContext([new CitedSource(1, "c1", LabelledClaims.Contexts[0]), new CitedSource(2, "c2", LabelledClaims.Contexts[3])]);

        var result = await evaluator.EvaluateAsync(Question, Response("The Transformer relies entirely on self-attention [1]. GPT-2 uses byte-pair encoding [1]. It was introduced in 2017."), additionalContext: [sources]);

        Assert.Equal(0.5, result.Get<NumericMetric>(CitationCorrectnessEvaluator.CorrectnessMetricName).Value);
        Assert.Equal(2.0 / 3, result.Get<NumericMetric>(CitationCorrectnessEvaluator.CoverageMetricName).Value!.Value, 12);
        Assert.True(result.Get<NumericMetric>(CitationCorrectnessEvaluator.CorrectnessMetricName).Interpretation!.Failed);
    }

    [Theory]
    [InlineData(true, null, "The Transformer relies on self-attention.", true, false)]
    [InlineData(false, null, "Maaf, informasi tersebut tidak ditemukan dalam dokumen.", true, false)]
    [InlineData(true, null, "I cannot find this in the documents.", false, true)]
    [InlineData(false, false, "The documents do not say.", false, false)]
    public async Task Abstention_is_judged_against_answerability(bool answerable, bool? abstained, string response, bool correct, bool falseAbstention)
    {
        var result = await new AbstentionEvaluator().EvaluateAsync(Question, Response(response), additionalContext: [new AnswerabilityContext(answerable, abstained)]);

        Assert.Equal(correct, result.Get<BooleanMetric>(AbstentionEvaluator.CorrectMetricName).Value);
        Assert.Equal(falseAbstention, result.Get<BooleanMetric>(AbstentionEvaluator.FalseAbstentionMetricName).Value);
        Assert.Equal(!correct, result.Get<BooleanMetric>(AbstentionEvaluator.CorrectMetricName).Interpretation!.Failed);
    }

    [Fact]
    public async Task Evaluators_compose()
    {
        var composite = new CompositeEvaluator(new AnswerAccuracyEvaluator(), new AbstentionEvaluator());

        var result = await composite.EvaluateAsync(Question, Response("self-attention"), additionalContext: [new GoldAnswersContext(["self-attention"]), new AnswerabilityContext(true, false)]);

        Assert.Equal(4, result.Metrics.Count);
        Assert.True(result.Get<BooleanMetric>(AbstentionEvaluator.CorrectMetricName).Value);
    }

    private static ChatResponse Response(string text) => new(new ChatMessage(ChatRole.Assistant, text));
}
