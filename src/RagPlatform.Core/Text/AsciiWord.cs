using System.Buffers;

namespace RagPlatform.Core.Text;

/// <summary>Letter-class helpers shared by the stemmers, which only touch plain lower-case a–z words.</summary>
internal static class AsciiWord
{
    private static readonly SearchValues<char> LowercaseLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiou");

    public static bool IsLowercaseLetters(ReadOnlySpan<char> word) => !word.ContainsAnyExcept(LowercaseLetters);

    public static bool IsVowel(char c) => Vowels.Contains(c);

    public static bool IsConsonant(char c) => c is >= 'a' and <= 'z' && !Vowels.Contains(c);
}
