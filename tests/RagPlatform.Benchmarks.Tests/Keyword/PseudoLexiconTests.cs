using RagPlatform.Benchmarks.Keyword;

namespace RagPlatform.Benchmarks.Tests.Keyword;

public sealed class PseudoLexiconTests
{
    private static readonly HashSet<string> Reserved = ["the", "yang"];

    [Fact]
    public void Lemmas_are_unique_and_avoid_reserved_words()
    {
        var lemmas = PseudoLexicon.Create(Language.English, 2_000, Reserved, new Random(1));

        Assert.Equal(2_000, lemmas.Select(lemma => lemma.Root).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(lemmas, lemma => Reserved.Contains(lemma.Root));
    }

    [Fact]
    public void Indonesian_verbs_take_meN_with_nasal_assimilation()
    {
        var verbs = PseudoLexicon.Create(Language.Indonesian, 2_000, Reserved, new Random(2)).Where(lemma => lemma.Forms.Count == 8).ToList();

        Assert.NotEmpty(verbs);
        foreach (var verb in verbs)
        {
            var root = verb.Root;
            var expected = root[0] switch
            {
                'p' when !root.StartsWith("ng", StringComparison.Ordinal) => "mem" + root[1..],
                't' => "men" + root[1..],
                's' => "meny" + root[1..],
                'k' => "meng" + root[1..],
                'b' => "mem" + root,
                'd' or 'c' or 'j' => "men" + root,
                'g' or 'h' or 'a' or 'i' or 'u' or 'e' or 'o' => "meng" + root,
                _ => "me" + root,
            };
            Assert.Equal(expected, verb.Forms[1]);
            Assert.Contains("di" + root + "kan", verb.Forms);
        }
    }

    [Fact]
    public void English_verbs_follow_spelling_rules()
    {
        var verbs = PseudoLexicon.Create(Language.English, 3_000, Reserved, new Random(3)).Where(lemma => lemma.Forms.Count == 4).ToList();

        Assert.Contains(verbs, verb => verb.Root.EndsWith('e'));
        foreach (var verb in verbs.Where(verb => verb.Root.EndsWith('e') && !verb.Root.EndsWith("ee", StringComparison.Ordinal)))
        {
            Assert.Equal(verb.Root + "d", verb.Forms[2]);
            Assert.Equal(verb.Root[..^1] + "ing", verb.Forms[3]);
        }
    }

    [Fact]
    public void Inflect_draws_every_form_and_the_root_most_often()
    {
        var lemma = PseudoLexicon.Create(Language.Indonesian, 50, Reserved, new Random(4)).First(lemma => lemma.Forms.Count == 8);
        var random = new Random(5);

        var counts = Enumerable.Range(0, 5_000).Select(_ => lemma.Inflect(random)).GroupBy(form => form).ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(lemma.Forms.Distinct().Count(), counts.Count);
        Assert.Equal(lemma.Root, counts.MaxBy(pair => pair.Value).Key);
    }
}
