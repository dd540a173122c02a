using System.Globalization;
using System.Text.RegularExpressions;
using RagPlatform.Core.Text;
using RagPlatform.Evaluation.Text;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>
/// Splits an answer into claims: one per sentence (Core's <see cref="SentenceSplitter"/>), citation markers such as
/// [1], [2, 3] or [1-3] removed and remembered. A marker that opens a sentence belongs to the sentence before it
/// ("… attention. [1] It …"). Sentences without any word are dropped.
/// </summary>
public static partial class ClaimExtractor
{
    private const int MaxRangeLength = 20;

    public static IReadOnlyList<Claim> Extract(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sentences = SentenceSplitter.Split(answer).Select(span => answer.Substring(span.Start, span.Length)).ToList();
        var pieces = new List<(string Text, List<int> Citations)>();
        foreach (var sentence in sentences)
        {
            var leading = LeadingMarkers().Match(sentence);
            if (leading.Success && pieces.Count > 0)
            {
                pieces[^1].Citations.AddRange(CitationNumbersIn(leading.Value));
            }

            var body = leading.Success && pieces.Count > 0 ? sentence[leading.Length..] : sentence;
            pieces.Add((body, CitationNumbersIn(body).ToList()));
        }

        var claims = new List<Claim>();
        foreach (var (text, citations) in pieces)
        {
            var stripped = StripCitationMarkers(text);
            if (WordTokenizer.Tokenize(stripped).Count > 0)
            {
                claims.Add(new Claim(claims.Count, stripped, citations.Distinct().Order().ToList()));
            }
        }

        return claims;
    }

    /// <summary>Removes [n] markers and the space before them ("attention [1]." → "attention.").</summary>
    public static string StripCitationMarkers(string text)
    {
        var withoutMarkers = MarkerWithLeadingSpace().Replace(text, "");
        return string.Join(' ', withoutMarkers.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Citation numbers in a text: [1] → 1; [2, 3] → 2, 3; [1-3] → 1, 2, 3.</summary>
    public static IEnumerable<int> CitationNumbersIn(string text)
    {
        foreach (Match marker in Marker().Matches(text))
        {
            foreach (var part in marker.Groups[1].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var range = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
                var first = int.Parse(range[0], CultureInfo.InvariantCulture);
                var last = range.Length == 2 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;

                // A reversed or absurdly long range is a typo, not fifty sources: keep its first number.
                if (last < first || last - first > MaxRangeLength)
                {
                    last = first;
                }

                for (var number = first; number <= last; number++)
                {
                    yield return number;
                }
            }
        }
    }

    [GeneratedRegex(@"\[(\d{1,4}(?:\s*(?:[,;]|[-–])\s*\d{1,4})*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s*\[(\d{1,4}(?:\s*(?:[,;]|[-–])\s*\d{1,4})*)\]")]
    private static partial Regex MarkerWithLeadingSpace();

    [GeneratedRegex(@"^(?:\s*\[\d{1,4}(?:\s*(?:[,;]|[-–])\s*\d{1,4})*\])+")]
    private static partial Regex LeadingMarkers();
}
