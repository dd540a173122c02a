using System.Text;

namespace RagPlatform.Onnx.Tokenization;

/// <summary>
/// Turns token ids into text one token at a time. A token may end in the middle of a UTF-8 character (byte-level
/// BPE, SentencePiece byte fallback); its bytes wait here until the character is complete, so every returned piece
/// is whole text and the pieces concatenate to the full decoding.
/// </summary>
internal sealed class TokenTextDecoder
{
    private readonly ModelTokenizer _tokenizer;
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private char[] _chars = new char[64];
    private bool _atStart = true;

    public TokenTextDecoder(ModelTokenizer tokenizer) => _tokenizer = tokenizer;

    /// <returns>The text completed by this token; empty while a character is still incomplete.</returns>
    public string Append(int tokenId) => Decode(_tokenizer.TokenBytes(tokenId), flush: false);

    /// <returns>What is left at the end: a replacement character for an unfinished UTF-8 sequence, or nothing.</returns>
    public string Flush() => Decode([], flush: true);

    private string Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        var needed = _utf8.GetCharCount(bytes, flush);
        if (needed > _chars.Length)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var count = _utf8.GetChars(bytes, _chars, flush);
        var start = 0;
        if (_atStart && count > 0)
        {
            _atStart = false;
            if (_tokenizer.StripsLeadingSpace && _chars[0] == ' ')
            {
                start = 1;
            }
        }

        return count == start ? "" : new string(_chars, start, count - start);
    }
}
