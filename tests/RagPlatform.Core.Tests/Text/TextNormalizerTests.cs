using RagPlatform.Core.Text;

namespace RagPlatform.Core.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Transformer", "transformer")]
    [InlineData("ＧＰＴ－４", "gpt-4")]
    [InlineData("ﬁne-tuning", "fine-tuning")]
    [InlineData("x²", "x2")]
    [InlineData("RE\u0301SUME\u0301", "résumé")]
    public void ComposesCompatibilityFormsAndLowerCases(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void SurvivesLoneSurrogates() =>
        Assert.Equal("a b", TextNormalizer.Normalize("A\uDC00B"));
}
