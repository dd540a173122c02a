using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;

namespace RagPlatform.Rag.Answering;

/// <summary>
/// A sentence of a retrieved chunk with its analyzed terms, and the terms of what surrounds it (its headings and the
/// neighbouring sentences), which support it without being quoted.
/// </summary>
internal sealed record SentenceCandidate(
    Chunk Chunk,
    int ChunkRank,
    TextSpan Span,
    string Text,
    IReadOnlySet<string> Terms,
    IReadOnlySet<string> ContextTerms)
{
    public static IReadOnlyList<SentenceCandidate> Collect(IReadOnlyList<ScoredChunk> context, ITextAnalyzer analyzer)
    {
        var candidates = new List<SentenceCandidate>();
        for (var rank = 0; rank < context.Count; rank++)
        {
            var chunk = context[rank].Chunk;
            var headingTerms = analyzer.Analyze($"{chunk.Title} {chunk.HeadingPath}");
            var spans = SentenceSplitter.Split(chunk.Text);
            var sentenceTerms = spans.Select(span => analyzer.Analyze(chunk.Text.Substring(span.Start, span.Length)).ToHashSet(StringComparer.Ordinal)).ToList();
            for (var i = 0; i < spans.Count; i++)
            {
                if (sentenceTerms[i].Count == 0)
                {
                    continue;
                }

                var contextTerms = new HashSet<string>(headingTerms, StringComparer.Ordinal);
                if (i > 0)
                {
                    contextTerms.UnionWith(sentenceTerms[i - 1]);
                }

                if (i + 1 < spans.Count)
                {
                    contextTerms.UnionWith(sentenceTerms[i + 1]);
                }

                // A lead-in ending in a colon says nothing without what follows it ("Worked example:"), so it is quoted
                // together with the next sentence.
                var span = spans[i];
                var terms = sentenceTerms[i];
                if (chunk.Text[span.End - 1] == ':' && i + 1 < spans.Count)
                {
                    span = new TextSpan(span.Start, spans[i + 1].End - span.Start);
                    terms = [.. terms, .. sentenceTerms[i + 1]];
                }

                candidates.Add(new SentenceCandidate(chunk, rank, span, chunk.Text.Substring(span.Start, span.Length), terms, contextTerms));
            }
        }

        return candidates;
    }

    /// <summary>
    /// True when the two sentences overlap in their chunk or share more than <paramref name="threshold"/> of their
    /// terms (Jaccard), so quoting both would repeat the same content.
    /// </summary>
    public bool Repeats(SentenceCandidate other, double threshold)
    {
        if (Chunk.Id == other.Chunk.Id && Span.Start < other.Span.End && other.Span.Start < Span.End)
        {
            return true;
        }

        var shared = Terms.Count(other.Terms.Contains);
        var union = Terms.Count + other.Terms.Count - shared;
        return union > 0 && (double)shared / union > threshold;
    }
}
