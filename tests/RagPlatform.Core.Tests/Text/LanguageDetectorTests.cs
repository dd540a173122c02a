using RagPlatform.Core.Text;

namespace RagPlatform.Core.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Apa itu self-attention?", "id")]
    [InlineData("What is self-attention?", "en")]
    [InlineData("Bagaimana cara kerja LoRA?", "id")]
    [InlineData("How does LoRA work?", "en")]
    [InlineData("Apa itu embeddings?", "id")]
    [InlineData("Jelaskan perbedaan antara BM25 dan pencarian vektor.", "id")]
    [InlineData("Explain the difference between BM25 and vector search.", "en")]
    [InlineData("Tokenisasi adalah proses memecah teks menjadi token yang lebih kecil.", "id")]
    public void DetectsTheLanguageOfShortTexts(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("LoRA QLoRA BM25")]
    [InlineData("12345 !!!")]
    public void FallsBackToEnglishWithoutEvidence(string text) =>
        Assert.Equal(LanguageDetector.English, LanguageDetector.Detect(text));

    [Fact]
    public void FollowsTheMajorityInMixedText() =>
        Assert.Equal(
            LanguageDetector.Indonesian,
            LanguageDetector.Detect("Model ini dilatih dengan data yang besar, which is large, dan hasilnya baik untuk tugas ini."));
}
