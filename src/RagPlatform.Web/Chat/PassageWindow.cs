namespace RagPlatform.Web.Chat;

/// <summary>A quote with the text around it, cut from a document so the reader sees the quote in context.</summary>
/// <param name="Before">Text preceding the quote, starting at a word boundary; empty at the document start.</param>
/// <param name="After">Text following the quote, ending at a word boundary; empty at the document end.</param>
public sealed record PassageWindow(string Before, string Quote, string After, bool StartsMidDocument, bool EndsMidDocument)
{
    /// <summary>Characters of context shown on each side of the quote.</summary>
    public const int DefaultContextLength = 400;

    /// <summary>
    /// Cuts <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>] out with up to
    /// <paramref name="contextLength"/> characters either side. Offsets outside the text are clamped, because a
    /// stored conversation can outlive the document version its citations pointed into.
    /// </summary>
    public static PassageWindow Around(string text, int start, int end, int contextLength = DefaultContextLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(contextLength);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);

        var windowStart = Math.Max(0, start - contextLength);
        if (windowStart > 0)
        {
            var boundary = text.IndexOfAny([' ', '\n'], windowStart, start - windowStart);
            windowStart = boundary < 0 ? windowStart : boundary + 1;
        }

        var windowEnd = Math.Min(text.Length, end + contextLength);
        if (windowEnd < text.Length)
        {
            var boundary = text.LastIndexOfAny([' ', '\n'], windowEnd - 1, windowEnd - end);
            windowEnd = boundary < 0 ? windowEnd : boundary;
        }

        return new PassageWindow(text[windowStart..start], text[start..end], text[end..windowEnd], windowStart > 0, windowEnd < text.Length);
    }
}
