using RagPlatform.Core.Text;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>
/// The words of a text that carry content: the terms of an <see cref="ITextAnalyzer"/> (by default Core's
/// <see cref="MultilingualAnalyzer"/>: English and Indonesian stop words dropped, light stemming), so overlap
/// compares "lowers" with "lowered" and ignores "the"/"yang".
/// </summary>
internal sealed class ContentTerms(ITextAnalyzer? analyzer)
{
    private readonly ITextAnalyzer _analyzer = analyzer ?? MultilingualAnalyzer.Default;

    public HashSet<string> Of(string text) => _analyzer.Analyze(text).ToHashSet(StringComparer.Ordinal);
}
