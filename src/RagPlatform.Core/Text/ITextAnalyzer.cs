namespace RagPlatform.Core.Text;

/// <summary>
/// Turns text into index terms (Lucene-style: normalise → tokenise → fold diacritics → drop stop words → stem).
/// The same analyzer must be used for indexing and for queries.
/// </summary>
public interface ITextAnalyzer
{
    IReadOnlyList<string> Analyze(string text);
}
