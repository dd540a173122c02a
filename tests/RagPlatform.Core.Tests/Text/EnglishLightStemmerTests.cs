using RagPlatform.Core.Text;

namespace RagPlatform.Core.Tests.Text;

public sealed class EnglishLightStemmerTests
{
    [Theory]
    [InlineData("embeddings", "embedding")]
    [InlineData("embedded", "embed")]
    [InlineData("embeds", "embed")]
    [InlineData("tokens", "token")]
    [InlineData("queries", "query")]
    [InlineData("studied", "study")]
    [InlineData("classes", "class")]
    [InlineData("batches", "batch")]
    [InlineData("images", "image")]
    [InlineData("training", "trained")]
    [InlineData("encoding", "encode")]
    [InlineData("encoded", "encodes")]
    [InlineData("used", "use")]
    [InlineData("using", "uses")]
    [InlineData("tuned", "tuning")]
    [InlineData("running", "run")]
    [InlineData("quickly", "quick")]
    [InlineData("robustness", "robust")]
    [InlineData("caches", "cache")]
    public void ConflatesInflectedForms(string word, string sameStemAs) =>
        Assert.Equal(EnglishLightStemmer.Stem(sameStemAs), EnglishLightStemmer.Stem(word));

    [Theory]
    [InlineData("attention")]
    [InlineData("disk")]
    [InlineData("embed")]
    [InlineData("thing")]
    [InlineData("string")]
    [InlineData("need")]
    [InlineData("speed")]
    [InlineData("analysis")]
    [InlineData("status")]
    [InlineData("class")]
    [InlineData("family")]
    [InlineData("supply")]
    [InlineData("free")]
    [InlineData("bus")]
    [InlineData("gpt4")]
    [InlineData("résumé")]
    public void LeavesWordsWithoutASafeSuffixUnchanged(string word) =>
        Assert.Equal(word, EnglishLightStemmer.Stem(word));

    [Theory]
    [InlineData("embedding", "embed")]
    [InlineData("padding", "pad")]
    [InlineData("falling", "fall")]
    [InlineData("trained", "train")]
    public void UndoublesConsonantsExceptLsz(string word, string expected) =>
        Assert.Equal(expected, EnglishLightStemmer.Stem(word));
}
