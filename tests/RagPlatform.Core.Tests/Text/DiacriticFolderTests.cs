using RagPlatform.Core.Text;

namespace RagPlatform.Core.Tests.Text;

public sealed class DiacriticFolderTests
{
    [Theory]
    [InlineData("résumé", "resume")]
    [InlineData("naïve", "naive")]
    [InlineData("señor", "senor")]
    [InlineData("straße", "strasse")]
    [InlineData("søren", "soren")]
    [InlineData("łódź", "lodz")]
    [InlineData("token", "token")]
    public void RemovesLatinAccents(string word, string expected) =>
        Assert.Equal(expected, DiacriticFolder.Fold(word));

    [Fact]
    public void ReturnsAsciiWordsWithoutCopying()
    {
        const string word = "attention";

        Assert.Same(word, DiacriticFolder.Fold(word));
    }

    [Theory]
    [InlineData("हिंदी")]
    [InlineData("한국어")]
    public void LeavesMarksOfOtherScriptsAlone(string word) =>
        Assert.Equal(word, DiacriticFolder.Fold(word));
}
