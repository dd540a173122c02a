using System.Globalization;
using System.Text;

namespace RagPlatform.Core.Text;

/// <summary>
/// Splits text into maximal runs of letters and digits ("self-attention" → "self", "attention"; "gpt-4" → "gpt", "4").
/// Combining marks continue a run so decomposed accents and abugida vowel signs stay inside their word.
/// </summary>
internal static class WordTokenizer
{
    public static WordEnumerator Split(ReadOnlySpan<char> text) => new(text);
}

/// <summary>Allocation-free enumerator over the words of a text; each word is a slice of the input.</summary>
internal ref struct WordEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public WordEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        Current = default;
    }

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly WordEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var start = -1;
        while (_position < _text.Length)
        {
            var (isWordPart, width) = Classify(_text[_position..], insideWord: start >= 0);
            if (isWordPart)
            {
                if (start < 0)
                {
                    start = _position;
                }

                _position += width;
                continue;
            }

            _position += width;
            if (start >= 0)
            {
                Current = _text[start..(_position - width)];
                return true;
            }
        }

        if (start < 0)
        {
            return false;
        }

        Current = _text[start..];
        return true;
    }

    private static (bool IsWordPart, int Width) Classify(ReadOnlySpan<char> remaining, bool insideWord)
    {
        var c = remaining[0];
        if (char.IsAscii(c))
        {
            return (char.IsAsciiLetterOrDigit(c), 1);
        }

        Rune.DecodeFromUtf16(remaining, out var rune, out var width);
        if (Rune.IsLetterOrDigit(rune))
        {
            return (true, width);
        }

        var category = Rune.GetUnicodeCategory(rune);
        var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
        return (insideWord && isMark, width);
    }
}
