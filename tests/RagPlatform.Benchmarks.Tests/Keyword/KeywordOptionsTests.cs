using RagPlatform.Benchmarks.Keyword;

namespace RagPlatform.Benchmarks.Tests.Keyword;

public sealed class KeywordOptionsTests
{
    [Fact]
    public void No_arguments_generate_the_default_corpus()
    {
        Assert.Equal(new KeywordOptions(null, KeywordOptions.DefaultDocuments), KeywordOptions.Parse([]));
    }

    [Fact]
    public void Options_are_read()
    {
        Assert.Equal(new KeywordOptions("data/scifact", KeywordOptions.DefaultDocuments), KeywordOptions.Parse(["--beir", "data/scifact"]));
        Assert.Equal(new KeywordOptions(null, 5_000), KeywordOptions.Parse(["--documents", "5000"]));
    }

    [Theory]
    [InlineData(new[] { "--documents" }, "--documents needs a value")]
    [InlineData(new[] { "--documents", "12" }, "--documents must be a whole number of at least 200 (got '12')")]
    [InlineData(new[] { "--documents", "many" }, "--documents must be a whole number")]
    [InlineData(new[] { "--queries", "9" }, "Unknown option '--queries'")]
    [InlineData(new[] { "--beir", "x", "--documents", "500" }, "--documents sizes the generated corpus and cannot be combined with --beir")]
    public void Bad_arguments_say_what_is_wrong(string[] arguments, string expectedStart)
    {
        var error = Assert.Throws<ArgumentException>(() => KeywordOptions.Parse(arguments));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }
}
