using System.Text.RegularExpressions;

namespace RagPlatform.Core.Text;

/// <summary>
/// Rule-based sentence segmentation for English and Indonesian prose. A sentence ends at . ! ? or … (plus any
/// closing quotes or brackets) when whitespace and a capital letter, digit, opening quote or bracket follow, or
/// at the end of a paragraph or list item. Decimals, abbreviations, initials, URLs, e-mail addresses, file names
/// and ellipses inside an open quotation do not end a sentence.
/// </summary>
public static partial class SentenceSplitter
{
    /// <summary>Abbreviations (lower case, without the final period) that never end a sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        // English
        "e.g", "i.e", "etc", "vs", "cf", "al", "approx", "dept", "est", "ref", "refs", "ed", "eds",
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "ltd", "co", "corp",
        "ph.d", "a.m", "p.m",
        // Indonesian
        "dll", "dsb", "dst", "dkk", "yth", "misal", "mis", "tsb", "spt", "sbb", "ybs",
        "bpk", "sdr", "sdri", "tn", "ny", "nn", "ir", "drs", "dra", "hj", "jl", "jln", "kab", "kec", "kel", "prov",
        "s.kom", "s.pd", "s.si", "s.sos", "m.sc", "m.kom", "m.pd", "m.si", "a.n", "u.p", "ttd", "tgl", "thn",
    };

    /// <summary>Abbreviations that are also ordinary words, so they only hold a sentence together before a number ("No. 5", "hlm. 12").</summary>
    private static readonly HashSet<string> NumberPrefixes = new(StringComparer.Ordinal)
    {
        "no", "nos", "nr", "hlm", "hal", "p", "pp", "vol", "fig", "figs", "eq", "eqs", "ch", "sec", "art", "rp", "tel", "telp",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<TextSpan>();
        foreach (var (start, end) in Blocks(text))
        {
            SplitBlock(text, start, end, sentences);
        }

        return sentences;
    }

    /// <summary>Paragraphs (separated by blank lines) and list items: sentences never continue across them.</summary>
    private static IEnumerable<(int Start, int End)> Blocks(string text)
    {
        var blockStart = -1;
        var blockEnd = -1;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (line.IsWhiteSpace())
            {
                if (blockStart >= 0)
                {
                    yield return (blockStart, blockEnd);
                    blockStart = -1;
                }
            }
            else
            {
                var marker = ListMarker().Match(text, lineStart, lineEnd - lineStart);
                if (marker.Success && blockStart >= 0)
                {
                    yield return (blockStart, blockEnd);
                    blockStart = -1;
                }

                if (blockStart < 0)
                {
                    blockStart = marker.Success ? lineStart + marker.Length : lineStart;
                }

                blockEnd = lineEnd;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (blockStart >= 0)
        {
            yield return (blockStart, blockEnd);
        }
    }

    private static void SplitBlock(string text, int start, int end, List<TextSpan> sentences)
    {
        var sentenceStart = start;
        var quotes = new QuoteState();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (!IsTerminator(c))
            {
                quotes.Observe(c);
                i++;
                continue;
            }

            var runStart = i;
            while (i < end && IsTerminator(text[i]))
            {
                i++;
            }

            var runEnd = i;
            while (i < end && IsCloser(text[i]))
            {
                quotes.Observe(text[i]);
                i++;
            }

            var sentenceEnd = i;
            var next = i;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next == end || next == sentenceEnd || !IsSentenceStart(text[next]))
            {
                continue;
            }

            if (!HoldsSentenceTogether(text, runStart, runEnd, text[next], quotes))
            {
                AddTrimmed(text, sentenceStart, sentenceEnd, sentences);
                sentenceStart = next;
            }

            i = next;
        }

        AddTrimmed(text, sentenceStart, end, sentences);
    }

    private static bool HoldsSentenceTogether(string text, int runStart, int runEnd, char nextSentenceStart, QuoteState quotes)
    {
        var run = text.AsSpan(runStart, runEnd - runStart);
        if (run.Contains('…') || run.Contains("..", StringComparison.Ordinal))
        {
            return quotes.IsInside;
        }

        if (run is not ".")
        {
            return false;
        }

        var tokenStart = runStart;
        while (tokenStart > 0 && !char.IsWhiteSpace(text[tokenStart - 1]) && !IsOpener(text[tokenStart - 1]))
        {
            tokenStart--;
        }

        var token = text[tokenStart..runStart];
        if (token.Length == 0)
        {
            return false;
        }

        var lower = token.ToLowerInvariant();
        return Abbreviations.Contains(lower)
            || (NumberPrefixes.Contains(lower) && char.IsDigit(nextSentenceStart))
            || IsInitialism(token);
    }

    /// <summary>"J", "U.S", "e.g": single letters separated by periods. A lone letter must be upper case ("A. Smith").</summary>
    private static bool IsInitialism(string token)
    {
        var parts = token.Split('.');
        if (!parts.All(part => part.Length == 1 && char.IsLetter(part[0])))
        {
            return false;
        }

        return parts.Length > 1 || char.IsUpper(parts[0][0]);
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new TextSpan(start, end - start));
        }
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '«' or '(' or '[';

    private static bool IsSentenceStart(char c) => char.IsUpper(c) || char.IsDigit(c) || IsOpener(c);

    /// <summary>Bullets ("-", "*", "•"), numbers ("1.", "2)") and letters ("a)", "(b)") that open a list item line.</summary>
    [GeneratedRegex(@"\G[ \t]*(?:[-*+•·◦▪–]|\d{1,3}[.)]|[A-Za-z]\)|\([A-Za-z0-9]{1,3}\))[ \t]+(?=\S)")]
    private static partial Regex ListMarker();

    /// <summary>Whether the scan position lies inside an open quotation (straight or typographic double quotes).</summary>
    private sealed class QuoteState
    {
        private bool _straightOpen;
        private int _typographicDepth;

        public bool IsInside => _straightOpen || _typographicDepth > 0;

        public void Observe(char c)
        {
            switch (c)
            {
                case '"':
                    _straightOpen = !_straightOpen;
                    break;
                case '“' or '«':
                    _typographicDepth++;
                    break;
                case '”' or '»' when _typographicDepth > 0:
                    _typographicDepth--;
                    break;
            }
        }
    }
}
