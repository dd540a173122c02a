using RagPlatform.Core.Text;

namespace RagPlatform.Core.Tests.Text;

public sealed class StopWordsTests
{
    [Theory]
    [InlineData("the")]
    [InlineData("is")]
    [InlineData("of")]
    [InlineData("what")]
    [InlineData("apa")]
    [InlineData("itu")]
    [InlineData("yang")]
    [InlineData("dan")]
    [InlineData("adalah")]
    [InlineData("dengan")]
    [InlineData("untuk")]
    [InlineData("pada")]
    [InlineData("dari")]
    [InlineData("ini")]
    [InlineData("dalam")]
    [InlineData("ke")]
    [InlineData("di")]
    public void KnowsFunctionWordsOfBothLanguages(string word) => Assert.True(StopWords.Contains(word));

    [Theory]
    [InlineData("attention")]
    [InlineData("token")]
    [InlineData("pembelajaran")]
    [InlineData("cara")]
    [InlineData("kerja")]
    public void KeepsContentWords(string word) => Assert.False(StopWords.Contains(word));

    [Fact]
    public void ListsAreDisjointSoEachWordIsEvidenceForOneLanguage() =>
        Assert.Empty(StopWords.English.Intersect(StopWords.Indonesian));

    [Fact]
    public void ListsHaveSensibleSizes()
    {
        Assert.InRange(StopWords.English.Count, 120, 200);
        Assert.InRange(StopWords.Indonesian.Count, 120, 200);
    }
}
