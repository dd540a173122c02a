namespace RagPlatform.Core.Text;

/// <summary>
/// Tells Indonesian from English by counting each language's function words, which even a four-word question
/// contains ("Apa itu …", "What is …"). Text with no evidence either way is taken as English.
/// </summary>
public static class LanguageDetector
{
    public const string Indonesian = "id";
    public const string English = "en";

    /// <returns><see cref="Indonesian"/> ("id") or <see cref="English"/> ("en").</returns>
    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var englishLookup = StopWords.English.GetAlternateLookup<ReadOnlySpan<char>>();
        var indonesianLookup = StopWords.Indonesian.GetAlternateLookup<ReadOnlySpan<char>>();
        var (englishEvidence, indonesianEvidence) = (0, 0);
        foreach (var word in WordTokenizer.Split(TextNormalizer.Normalize(text)))
        {
            if (indonesianLookup.Contains(word))
            {
                indonesianEvidence++;
            }
            else if (englishLookup.Contains(word))
            {
                englishEvidence++;
            }
        }

        return indonesianEvidence > englishEvidence ? Indonesian : English;
    }
}
