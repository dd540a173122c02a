using RagPlatform.Core.Answers;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Tests.Hallucination;

public sealed class CitationCheckerTests
{
    [Fact]
    public async Task Each_marker_is_checked_against_its_own_source_only()
    {
        var claims = ClaimExtractor.Extract(
            "The Transformer architecture was introduced in 2017 [1]. A brevity penalty lowers the score of short candidates [2]. GPT-2 uses byte-pair encoding [1]. Tokenization splits text into subword units [4].");
        CitedSource[] sources = [new(1, "c1", LabelledClaims.Contexts[0]), new(2, "c2", LabelledClaims.Contexts[1])];

        var result = await new CitationChecker(new LexicalGroundednessChecker()).CheckAsync(claims, sources);

        Assert.Equal(
            [(0, 1, ClaimVerdict.Supported), (1, 2, ClaimVerdict.Supported), (2, 1, ClaimVerdict.Unsupported), (3, 4, ClaimVerdict.Unsupported)],
            result.Verdicts.Select(verdict => (verdict.ClaimIndex, verdict.Number, verdict.Verdict)));
        Assert.Equal("[4] points at no source", result.Verdicts[3].Reason);
        Assert.Equal(0.5, result.Correctness);
        Assert.Equal(1.0, result.Coverage);
    }

    [Fact]
    public async Task An_llm_judge_is_asked_once_per_cited_source()
    {
        var judge = new ScriptedChatClient(request => request[1].Text.Contains("2. ", StringComparison.Ordinal) ? "[\"yes\", \"no\"]" : "[\"yes\"]");
        var claims = ClaimExtractor.Extract("A [1]. B [1]. C [2]. D.");

        var result = await new CitationChecker(new LlmJudgeGroundednessChecker(judge)).CheckAsync(claims, [new(1, null, "one"), new(2, null, "two")]);

        Assert.Equal(2, judge.Requests.Count);
        Assert.Equal(2.0 / 3, result.Correctness!.Value, 12);
        Assert.Equal(0.75, result.Coverage);
    }

    [Fact]
    public void Sources_come_from_the_retrieved_chunk_or_fall_back_to_the_quote()
    {
        var chunk = new Chunk("doc:0", "doc", 0, "Full chunk text.", "a.md", "A", "", null, 0, 16, 3);
        Citation[] citations =
        [
            new(1, "doc:0", "doc", "a.md", "A", "", null, "chunk", 0, 5),
            new(2, "doc:9", "doc", "a.md", "A", "", null, "Quoted only.", 0, 12),
        ];

        var sources = CitedSource.FromAnswer(citations, [new ScoredChunk(chunk, 1)]);

        Assert.Equal(["Full chunk text.", "Quoted only."], sources.Select(source => source.Text));
    }
}
