using RagPlatform.Core.Text;
using RagPlatform.Evaluation.Text;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>
/// The words of a text that carry content. With an <see cref="ITextAnalyzer"/> (the index's analyzer: stop words
/// removed, stemmed) its terms are used; otherwise lower-cased word tokens minus common English and Indonesian
/// function words.
/// </summary>
internal sealed class ContentTerms(ITextAnalyzer? analyzer)
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is",
        "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which", "who",
        "what", "has", "have", "had", "do", "does", "did", "can", "could", "will", "would", "may", "might", "into",
        "than", "then", "there", "their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "your",
        "also", "so", "such", "each", "about", "over", "under", "between", "both", "other", "more", "most",
        "yang", "dan", "di", "ke", "dari", "dalam", "untuk", "pada", "dengan", "adalah", "ini", "itu", "atau",
        "oleh", "sebagai", "juga", "akan", "telah", "sudah", "dapat", "bisa", "karena", "secara", "tersebut",
        "para", "sebuah", "suatu", "bahwa", "merupakan", "ia", "mereka", "kita", "kami", "lebih", "antara",
    };

    public HashSet<string> Of(string text) =>
        analyzer is null
            ? WordTokenizer.Tokenize(text).Where(token => !FunctionWords.Contains(token)).ToHashSet(StringComparer.Ordinal)
            : analyzer.Analyze(text).ToHashSet(StringComparer.Ordinal);
}
