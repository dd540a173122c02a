using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Tests.Hallucination;

public sealed class ClaimExtractorTests
{
    [Fact]
    public void Splits_sentences_and_strips_citation_markers()
    {
        var claims = ClaimExtractor.Extract("Attention weighs tokens [1]. BLEU counts n-grams [2, 3]. Both are covered in week 2 [1-3].");

        Assert.Equal(["Attention weighs tokens.", "BLEU counts n-grams.", "Both are covered in week 2."], claims.Select(claim => claim.Text));
        Assert.Equal([1], claims[0].CitationNumbers);
        Assert.Equal([2, 3], claims[1].CitationNumbers);
        Assert.Equal([1, 2, 3], claims[2].CitationNumbers);
        Assert.Equal([0, 1, 2], claims.Select(claim => claim.Index));
    }

    [Fact]
    public void A_marker_after_the_period_belongs_to_the_sentence_before_it()
    {
        var claims = ClaimExtractor.Extract("Transformers use attention. [1] They were introduced in 2017. [2][3]");

        Assert.Equal(2, claims.Count);
        Assert.Equal([1], claims[0].CitationNumbers);
        Assert.Equal("They were introduced in 2017.", claims[1].Text);
        Assert.Equal([2, 3], claims[1].CitationNumbers);
    }

    [Fact]
    public void List_items_are_separate_claims_and_wordless_pieces_are_dropped()
    {
        var claims = ClaimExtractor.Extract("Metrik utama:\n- BLEU mengukur presisi n-gram [1]\n- ROUGE mengukur recall [2]\n\n[3]");

        Assert.Equal(["Metrik utama:", "BLEU mengukur presisi n-gram", "ROUGE mengukur recall"], claims.Select(claim => claim.Text));
        Assert.Equal([2, 3], claims[2].CitationNumbers);
    }

    [Fact]
    public void Reversed_or_runaway_ranges_keep_only_their_first_number()
    {
        Assert.Equal([5], ClaimExtractor.CitationNumbersIn("see [5-2]"));
        Assert.Equal([1], ClaimExtractor.CitationNumbersIn("see [1-900]"));
    }
}
