using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;

namespace RagPlatform.Rag.Answering;

/// <summary>A sentence of a retrieved chunk, with the terms the analyzer finds in it and in its headings.</summary>
internal sealed record SentenceCandidate(
    Chunk Chunk,
    int ChunkRank,
    TextSpan Span,
    string Text,
    IReadOnlySet<string> Terms,
    IReadOnlySet<string> HeadingTerms)
{
    public static IReadOnlyList<SentenceCandidate> Collect(IReadOnlyList<ScoredChunk> context, ITextAnalyzer analyzer)
    {
        var candidates = new List<SentenceCandidate>();
        for (var rank = 0; rank < context.Count; rank++)
        {
            var chunk = context[rank].Chunk;
            var headingTerms = analyzer.Analyze($"{chunk.Title} {chunk.HeadingPath}").ToHashSet(StringComparer.Ordinal);
            foreach (var span in SentenceSplitter.Split(chunk.Text))
            {
                var text = chunk.Text.Substring(span.Start, span.Length);
                var terms = analyzer.Analyze(text).ToHashSet(StringComparer.Ordinal);
                if (terms.Count > 0)
                {
                    candidates.Add(new SentenceCandidate(chunk, rank, span, text, terms, headingTerms));
                }
            }
        }

        return candidates;
    }

    /// <summary>True when the two sentences share more than <paramref name="threshold"/> of their terms (Jaccard).</summary>
    public bool Overlaps(SentenceCandidate other, double threshold)
    {
        var shared = Terms.Count(other.Terms.Contains);
        var union = Terms.Count + other.Terms.Count - shared;
        return union > 0 && (double)shared / union > threshold;
    }
}
