using System.Text.RegularExpressions;

namespace RagPlatform.Evaluation.Metrics;

/// <summary>The sacreBLEU tokenisers this implementation reproduces.</summary>
public enum BleuTokenizer
{
    /// <summary>mteval-v13a, sacreBLEU's default ("13a").</summary>
    Mteval13a,

    /// <summary>No tokenisation: split on whitespace only ("none").</summary>
    None,

    /// <summary>Every non-space character is a token ("char").</summary>
    Character,
}

internal static partial class BleuTokenization
{
    public static string SignatureName(BleuTokenizer tokenizer) => tokenizer switch
    {
        BleuTokenizer.Mteval13a => "13a",
        BleuTokenizer.None => "none",
        BleuTokenizer.Character => "char",
        _ => throw new ArgumentOutOfRangeException(nameof(tokenizer), tokenizer, null),
    };

    public static string[] Tokenize(string segment, BleuTokenizer tokenizer, bool lowercase)
    {
        if (lowercase)
        {
            segment = segment.ToLowerInvariant();
        }

        segment = segment.TrimEnd();
        var tokenized = tokenizer switch
        {
            BleuTokenizer.Mteval13a => Mteval13a(segment),
            BleuTokenizer.None => segment,
            BleuTokenizer.Character => string.Join(' ', segment.ToCharArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(tokenizer), tokenizer, null),
        };
        return tokenized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Mteval13a(string line)
    {
        line = line.Replace("<skipped>", "", StringComparison.Ordinal)
            .Replace("-\n", "", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
        if (line.Contains('&'))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = $" {line} ";
        line = Symbols().Replace(line, " $1 ");
        line = PeriodOrCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = PeriodOrCommaBeforeNonDigit().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");
        return line;
    }

    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])")]
    private static partial Regex Symbols();

    [GeneratedRegex(@"([^0-9])([\.,])")]
    private static partial Regex PeriodOrCommaAfterNonDigit();

    [GeneratedRegex(@"([\.,])([^0-9])")]
    private static partial Regex PeriodOrCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)")]
    private static partial Regex DashAfterDigit();
}
