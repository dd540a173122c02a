using System.Text;
using Microsoft.Extensions.AI;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>
/// RAGAS-style faithfulness with an LLM judge: the judge sees the numbered context and the numbered claims and
/// returns a JSON verdict per claim. Replies are parsed leniently; claims left without a readable verdict are
/// <see cref="ClaimVerdict.Undetermined"/> and counted in <see cref="GroundednessReport.ParseFailures"/>.
/// </summary>
public sealed class LlmJudgeGroundednessChecker(IChatClient judge) : IGroundednessChecker
{
    public const string MethodName = "llm-judge";

    private const string Instructions =
        """
        You are a strict fact-checker. You receive a CONTEXT and numbered STATEMENTS. For each statement decide whether
        it can be directly inferred from the context alone. Answer "yes" only when the context states or clearly
        implies it; answer "no" when the context contradicts it or says nothing about it. Do not use outside knowledge.
        Reply with JSON only, in this exact shape:
        {"verdicts": [{"statement": 1, "verdict": "yes", "reason": "one short sentence"}]}
        """;

    private readonly IChatClient _judge = judge ?? throw new ArgumentNullException(nameof(judge));

    public string Method => MethodName;

    public string Description => $"llm-judge: per-claim JSON verdicts from {ModelName}";

    private string ModelName => _judge.GetService<ChatClientMetadata>()?.DefaultModelId ?? _judge.GetType().Name;

    public async Task<GroundednessReport> AssessAsync(IReadOnlyList<Claim> claims, IReadOnlyList<string> contexts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(contexts);
        if (claims.Count == 0)
        {
            return new GroundednessReport(Method, Description, [], 0);
        }

        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, Instructions),
            new(ChatRole.User, BuildPrompt(claims, contexts)),
        };
        var options = new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json };
        var response = await _judge.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var verdicts = JudgeVerdictParser.Parse(response.Text)
            .GroupBy(verdict => verdict.Statement)
            .ToDictionary(group => group.Key, group => group.First());

        var assessments = claims.Select((claim, position) => verdicts.TryGetValue(position + 1, out var verdict)
                ? new ClaimAssessment(claim, verdict.Supported ? ClaimVerdict.Supported : ClaimVerdict.Unsupported, null, null, verdict.Reason)
                : new ClaimAssessment(claim, ClaimVerdict.Undetermined, null, null, "the judge's reply had no readable verdict for this statement"))
            .ToList();
        return new GroundednessReport(Method, Description, assessments, assessments.Count(assessment => assessment.Verdict == ClaimVerdict.Undetermined));
    }

    private static string BuildPrompt(IReadOnlyList<Claim> claims, IReadOnlyList<string> contexts)
    {
        var prompt = new StringBuilder("CONTEXT:\n");
        for (var i = 0; i < contexts.Count; i++)
        {
            prompt.Append('[').Append(i + 1).Append("] ").AppendLine(contexts[i].Trim());
        }

        prompt.AppendLine().AppendLine("STATEMENTS:");
        for (var i = 0; i < claims.Count; i++)
        {
            prompt.Append(i + 1).Append(". ").AppendLine(claims[i].Text);
        }

        return prompt.ToString();
    }
}
