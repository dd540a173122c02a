using System.Text;

namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// GPT-2's bytes↔unicode table: printable Latin-1 bytes stand for themselves, every other byte for a character from
/// U+0100 upward, so a byte-level token is always a visible string (the space byte becomes 'Ġ').
/// </summary>
internal static class ByteLevelAlphabet
{
    private static readonly char[] CharByByte = new char[256];

    static ByteLevelAlphabet()
    {
        var printable = Enumerable.Range('!', '~' - '!' + 1)
            .Concat(Enumerable.Range('¡', '¬' - '¡' + 1))
            .Concat(Enumerable.Range('®', 'ÿ' - '®' + 1))
            .ToArray();
        var remapped = Enumerable.Range(0, 256).Except(printable).ToArray();
        foreach (var value in printable)
        {
            CharByByte[value] = (char)value;
        }

        for (var i = 0; i < remapped.Length; i++)
        {
            CharByByte[remapped[i]] = (char)(256 + i);
        }

        VocabularyOrder = printable.Concat(remapped).Select(value => CharByByte[value].ToString()).ToArray();
    }

    /// <summary>The 256 base tokens in GPT-2's id order: printable bytes first, then the remapped ones.</summary>
    public static IReadOnlyList<string> VocabularyOrder { get; }

    /// <summary>The byte-level symbols of a text's UTF-8 bytes, one per byte.</summary>
    public static IReadOnlyList<string> Symbols(string text) =>
        Encoding.UTF8.GetBytes(text).Select(value => CharByByte[value].ToString()).ToArray();
}
