namespace RagPlatform.Ingestion.Tests;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("a\r\nb\rc\u2028d", "a\nb\nc\nd")]
    [InlineData("  spaced   out \t words  ", "spaced out words")]
    [InlineData("tab\t\tseparated", "tab\tseparated")]
    [InlineData("line one   \n    line two", "line one\nline two")]
    [InlineData("para\n\n\n\n\npara", "para\n\npara")]
    [InlineData("bell\u0007 and\u0000nul\u001Bescape", "bell andnulescape")]
    [InlineData("\uFEFFbom soft\u00ADhyphen zero\u200Bwidth", "bom softhyphen zerowidth")]
    [InlineData("non\u00A0breaking\u2003em space", "non breaking em space")]
    [InlineData("emoji 😀 stays", "emoji 😀 stays")]
    public void Normalizes(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void DropsLoneSurrogates()
    {
        var input = "lone " + '\uD800' + " high, lone " + '\uDC00' + " low";

        Assert.Equal("lone high, lone low", TextNormalizer.Normalize(input));
    }

    [Fact]
    public void ComposesToNfc()
    {
        var decomposed = "Cafe\u0301 di Jakarta";

        var normalized = TextNormalizer.Normalize(decomposed);

        Assert.Equal("Café di Jakarta", normalized);
        Assert.Equal(15, normalized.Length);
    }
}
