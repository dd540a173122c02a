using RagPlatform.Core.Text;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>A span of context a claim is compared with: one sentence, or two adjacent sentences of the same passage.</summary>
/// <param name="Passage">The whole passage the span comes from.</param>
internal sealed record ContextUnit(string Text, string Passage);

internal static class ContextUnits
{
    /// <summary>
    /// Single sentences and adjacent pairs, so a claim that merges two neighbouring sentences can still be matched.
    /// </summary>
    public static IReadOnlyList<ContextUnit> Build(IReadOnlyList<string> contexts)
    {
        var units = new List<ContextUnit>();
        foreach (var text in contexts)
        {
            var sentences = SentenceSplitter.Split(text).Select(span => text.Substring(span.Start, span.Length)).ToList();
            for (var i = 0; i < sentences.Count; i++)
            {
                units.Add(new ContextUnit(sentences[i], text));
                if (i + 1 < sentences.Count)
                {
                    units.Add(new ContextUnit(sentences[i] + " " + sentences[i + 1], text));
                }
            }
        }

        return units;
    }
}
