using RagPlatform.Core.Text;

namespace RagPlatform.Core.Tests.Text;

public sealed class MultilingualAnalyzerTests
{
    private static readonly MultilingualAnalyzer Analyzer = MultilingualAnalyzer.Default;

    [Theory]
    [InlineData("embeddings", "embedding")]
    [InlineData("tokens", "token")]
    [InlineData("pembelajaran", "belajar")]
    [InlineData("menggunakan", "digunakan")]
    [InlineData("penggunaan", "digunakan")]
    [InlineData("Résumé", "resume")]
    [InlineData("EMBEDDINGS", "embedding")]
    public void MapsRelatedWordsToOneTerm(string word, string sameTermAs) =>
        Assert.Equal(Single(sameTermAs), Single(word));

    [Theory]
    [InlineData("attention", "attention")]
    [InlineData("disk", "disk")]
    [InlineData("transformer", "transformer")]
    public void LeavesPlainWordsIntact(string word, string expected) => Assert.Equal(expected, Single(word));

    [Fact]
    public void AnalyzesAnIndonesianQuestionWithAnEnglishLoanword() =>
        Assert.Equal(Analyzer.Analyze("embedding"), Analyzer.Analyze("Apa itu embeddings?"));

    [Fact]
    public void SplitsHyphenatedTermsAndKeepsNumbers() =>
        Assert.Equal(["self", "attention", "8", "head"], Analyzer.Analyze("What is self-attention with 8 heads?"));

    [Fact]
    public void DropsStopWordsOfBothLanguages() =>
        Assert.Empty(Analyzer.Analyze("apa itu yang dan the is of what"));

    [Fact]
    public void AnalyzesIndonesianSentence() =>
        Assert.Equal(["model", "guna", "ajar", "mesin"], Analyzer.Analyze("Model ini digunakan untuk pembelajaran mesin."));

    [Fact]
    public void GivesTheSameTermsOnRepeatedCallsWhenCached()
    {
        const string text = "Tokenization splits text into tokens; tokenizers differ.";

        Assert.Equal(Analyzer.Analyze(text), Analyzer.Analyze(text));
    }

    [Fact]
    public void IsSafeToUseFromManyThreads()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"dokumen{i % 17} menggunakan embeddings {i} kali").ToArray();
        var expected = texts.Select(t => string.Join(' ', Analyzer.Analyze(t))).ToArray();

        var parallel = texts.AsParallel().Select(t => string.Join(' ', Analyzer.Analyze(t))).ToArray();

        Assert.Equal(expected, parallel);
    }

    [Fact]
    public void EmptyTextHasNoTerms() => Assert.Empty(Analyzer.Analyze("  \n\t "));

    private static string Single(string word) => Assert.Single(Analyzer.Analyze(word));
}
