using RagPlatform.Web.Chat;

namespace RagPlatform.Web.Tests.Chat;

public sealed class PassageWindowTests
{
    private const string Text = "alpha beta gamma delta epsilon zeta eta theta iota kappa";

    [Fact]
    public void A_short_document_is_shown_whole()
    {
        var start = Text.IndexOf("delta", StringComparison.Ordinal);

        var window = PassageWindow.Around(Text, start, start + "delta epsilon".Length);

        Assert.Equal("alpha beta gamma ", window.Before);
        Assert.Equal("delta epsilon", window.Quote);
        Assert.Equal(" zeta eta theta iota kappa", window.After);
        Assert.False(window.StartsMidDocument);
        Assert.False(window.EndsMidDocument);
    }

    [Fact]
    public void Context_is_cut_at_word_boundaries()
    {
        var start = Text.IndexOf("epsilon", StringComparison.Ordinal);

        var window = PassageWindow.Around(Text, start, start + "epsilon".Length, contextLength: 8);

        Assert.Equal("delta ", window.Before);
        Assert.Equal(" zeta", window.After);
        Assert.True(window.StartsMidDocument);
        Assert.True(window.EndsMidDocument);
    }

    [Theory]
    [InlineData(-5, 5, "", "alpha")]
    [InlineData(40, 500, "theta iota kappa", "theta")]
    [InlineData(20, 10, "", "")]
    public void Offsets_outside_the_text_are_clamped(int start, int end, string quoteEnd, string quoteStart)
    {
        var window = PassageWindow.Around(Text, start, end, contextLength: 1000);

        Assert.Equal(Text, window.Before + window.Quote + window.After);
        Assert.EndsWith(quoteEnd, window.Quote, StringComparison.Ordinal);
        Assert.StartsWith(quoteStart, window.Quote, StringComparison.Ordinal);
    }
}
