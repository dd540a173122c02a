using RagPlatform.Core.Text;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>A span of context a claim is compared with: one sentence, or two adjacent sentences of the same passage.</summary>
internal sealed record ContextUnit(string Text, int ContextIndex);

internal static class ContextUnits
{
    /// <summary>
    /// Single sentences and adjacent pairs, so a claim that merges two neighbouring sentences can still be matched.
    /// </summary>
    public static IReadOnlyList<ContextUnit> Build(IReadOnlyList<string> contexts)
    {
        var units = new List<ContextUnit>();
        for (var contextIndex = 0; contextIndex < contexts.Count; contextIndex++)
        {
            var text = contexts[contextIndex];
            var sentences = SentenceSplitter.Split(text).Select(span => text.Substring(span.Start, span.Length)).ToList();
            for (var i = 0; i < sentences.Count; i++)
            {
                units.Add(new ContextUnit(sentences[i], contextIndex));
                if (i + 1 < sentences.Count)
                {
                    units.Add(new ContextUnit(sentences[i] + " " + sentences[i + 1], contextIndex));
                }
            }
        }

        return units;
    }
}
