using Microsoft.Extensions.AI;
using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Tests.Hallucination;

public sealed class LlmJudgeGroundednessCheckerTests
{
    private static readonly IReadOnlyList<Claim> ThreeClaims =
    [
        new(0, "The Transformer was introduced in 2017.", []),
        new(1, "It uses recurrence.", []),
        new(2, "GPT-2 has 50,257 tokens.", []),
    ];

    [Theory]
    [InlineData("{\"verdicts\":[{\"statement\":1,\"verdict\":\"yes\",\"reason\":\"stated\"},{\"statement\":2,\"verdict\":\"no\"},{\"statement\":3,\"verdict\":\"yes\"}]}")]
    [InlineData("```json\n{\"verdicts\": [{\"statement\": \"1\", \"verdict\": 1}, {\"statement\": \"2\", \"verdict\": 0}, {\"statement\": \"3\", \"verdict\": true}]}\n```")]
    [InlineData("Here is my assessment:\n[{\"index\": 3, \"supported\": \"supported\"}, {\"index\": 1, \"supported\": \"Yes\"}, {\"index\": 2, \"supported\": \"unsupported\"}]\nHope this helps {not json}")]
    [InlineData("[\"yes\", \"no\", \"yes\"]")]
    [InlineData("Statement 1: yes\nStatement 2: no — contradicted\n3. yes")]
    public async Task Reads_verdicts_from_the_shapes_judges_actually_return(string reply)
    {
        var judge = new ScriptedChatClient(_ => reply);

        var report = await new LlmJudgeGroundednessChecker(judge).AssessAsync(ThreeClaims, ["context"]);

        Assert.Equal([ClaimVerdict.Supported, ClaimVerdict.Unsupported, ClaimVerdict.Supported], report.Claims.Select(claim => claim.Verdict));
        Assert.Equal(0, report.ParseFailures);
        Assert.Equal(1.0 / 3, report.UnsupportedClaimRate!.Value, 12);
        Assert.Equal("llm-judge", report.Method);
        Assert.Contains("scripted-judge", report.MethodDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_and_unreadable_verdicts_are_counted_as_parse_failures()
    {
        var partial = new ScriptedChatClient(_ => "{\"verdicts\":[{\"statement\":2,\"verdict\":\"maybe\"},{\"statement\":3,\"verdict\":\"no\"}]}");
        var garbage = new ScriptedChatClient(_ => "I am not able to help with that.");

        var partialReport = await new LlmJudgeGroundednessChecker(partial).AssessAsync(ThreeClaims, ["context"]);
        var garbageReport = await new LlmJudgeGroundednessChecker(garbage).AssessAsync(ThreeClaims, ["context"]);

        Assert.Equal([ClaimVerdict.Undetermined, ClaimVerdict.Undetermined, ClaimVerdict.Unsupported], partialReport.Claims.Select(claim => claim.Verdict));
        Assert.Equal(2, partialReport.ParseFailures);
        Assert.Equal(1.0, partialReport.UnsupportedClaimRate);
        Assert.Equal(3, garbageReport.ParseFailures);
        Assert.Null(garbageReport.UnsupportedClaimRate);
    }

    [Fact]
    public async Task The_prompt_numbers_context_and_statements_and_asks_for_json()
    {
        var judge = new ScriptedChatClient(_ => "[]");

        await new LlmJudgeGroundednessChecker(judge).AssessAsync(ThreeClaims, ["First passage.", "Second passage."]);

        var request = Assert.Single(judge.Requests);
        Assert.Equal(ChatRole.System, request[0].Role);
        Assert.Contains("JSON", request[0].Text, StringComparison.Ordinal);
        Assert.Contains("[2] Second passage.", request[1].Text, StringComparison.Ordinal);
        Assert.Contains("3. GPT-2 has 50,257 tokens.", request[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_claims_means_no_call()
    {
        var judge = new ScriptedChatClient(_ => throw new InvalidOperationException("must not be called"));

        var report = await new LlmJudgeGroundednessChecker(judge).AssessAsync([], ["context"]);

        Assert.Empty(report.Claims);
        Assert.Empty(judge.Requests);
    }
}
