using RagPlatform.Core.Text;

namespace RagPlatform.Core.Tests.Text;

public sealed class WordTokenizerTests
{
    [Theory]
    [InlineData("self-attention", new[] { "self", "attention" })]
    [InlineData("GPT-4 has 1.8 trillion parameters", new[] { "GPT", "4", "has", "1", "8", "trillion", "parameters" })]
    [InlineData("  (LoRA),  r=8;  ", new[] { "LoRA", "r", "8" })]
    [InlineData("top_k", new[] { "top", "k" })]
    [InlineData("bert2vec", new[] { "bert2vec" })]
    [InlineData("", new string[0])]
    [InlineData("?!", new string[0])]
    public void SplitsIntoLetterAndDigitRuns(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Fact]
    public void KeepsCombiningMarksInsideTheirWord()
    {
        const string decomposedResume = "re\u0301sume\u0301 now";

        Assert.Equal(["re\u0301sume\u0301", "now"], Words(decomposedResume));
    }

    [Fact]
    public void ReadsLettersOutsideTheBasicPlane()
    {
        const string mathematicalBoldA = "\U0001D400bc";

        Assert.Equal([mathematicalBoldA], Words(mathematicalBoldA));
    }

    [Fact]
    public void TreatsEmojiAndLoneSurrogatesAsSeparators() =>
        Assert.Equal(["rag", "ok", "x"], Words("rag\U0001F680ok\uD800x"));

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in WordTokenizer.Split(text))
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
