using RagPlatform.Benchmarks.Keyword;
using RagPlatform.Evaluation.Datasets;

namespace RagPlatform.Benchmarks.Tests.Keyword;

public sealed class SyntheticBeirTests
{
    private const int Documents = 400;

    [Fact]
    public async Task The_same_seed_writes_the_same_files_and_another_seed_does_not()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var other = new TempDirectory();

        await SyntheticBeir.WriteAsync(first.Path, Documents, seed: 7, CancellationToken.None);
        await SyntheticBeir.WriteAsync(second.Path, Documents, seed: 7, CancellationToken.None);
        await SyntheticBeir.WriteAsync(other.Path, Documents, seed: 8, CancellationToken.None);

        foreach (var file in new[] { "corpus.jsonl", "queries.jsonl", "qrels/test.tsv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first.Path, file)), await File.ReadAllBytesAsync(Path.Combine(second.Path, file)));
        }

        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(first.Path, "corpus.jsonl")), await File.ReadAllTextAsync(Path.Combine(other.Path, "corpus.jsonl")));
    }

    [Fact]
    public async Task The_files_load_as_a_BEIR_dataset_with_every_query_judged()
    {
        using var directory = new TempDirectory();

        await SyntheticBeir.WriteAsync(directory.Path, Documents, seed: 3, CancellationToken.None);
        var dataset = await BeirDataset.LoadAsync(directory.Path, SyntheticBeir.Split);

        Assert.Equal(Documents, dataset.Corpus.Count);
        Assert.Equal(SyntheticBeir.QueriesFor(Documents), dataset.Queries.Count);
        Assert.All(dataset.Corpus.Values, document =>
        {
            Assert.NotEmpty(document.Title);
            Assert.NotEmpty(document.Text);
        });
        Assert.All(dataset.Queries, query =>
        {
            var grades = dataset.Qrels[query.Id].Values.ToList();
            Assert.All(grades, grade => Assert.InRange(grade, 1, 2));
            Assert.InRange(grades.Count(grade => grade == 2), 1, 2);
            Assert.InRange(grades.Count, 1, 5);
        });
    }

    [Fact]
    public void Queries_and_their_relevant_documents_carry_the_planned_words()
    {
        var corpus = SyntheticBeir.Generate(Documents, seed: 5);
        var documents = corpus.Documents.ToDictionary(document => document.Id);

        foreach (var (query, plan) in corpus.Queries.Zip(corpus.Plans))
        {
            Assert.Equal(query.Id, plan.QueryId);
            var queryWords = Words(query.Text);
            Assert.All(new[] { plan.Specific, plan.FirstTopicWord, plan.SecondTopicWord }, lemma => Assert.True(Mentions(queryWords, lemma), $"{query.Id} lacks {lemma.Root}"));
            Assert.False(Mentions(queryWords, plan.Synonym));
            foreach (var judgement in corpus.Judgements.Where(judgement => judgement.QueryId == query.Id))
            {
                var document = documents[judgement.DocumentId];
                var documentWords = Words(document.Title + " " + document.Text);
                if (judgement.Grade == 2)
                {
                    Assert.True(Mentions(documentWords, plan.Specific) && Mentions(documentWords, plan.FirstTopicWord) && Mentions(documentWords, plan.SecondTopicWord),
                        $"grade-2 document {document.Id} of {query.Id} lacks a planned word");
                }
                else
                {
                    Assert.True(Mentions(documentWords, plan.Specific) || Mentions(documentWords, plan.Synonym), $"grade-1 document {document.Id} of {query.Id} lacks the specific word");
                }
            }
        }

        Assert.Equal(corpus.Plans.Count, corpus.Plans.Select(plan => plan.Specific).Distinct().Count());
    }

    [Fact]
    public void Too_small_a_corpus_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticBeir.Generate(SyntheticBeir.MinimumDocuments - 1, seed: 1));

        Assert.Contains("at least", error.Message, StringComparison.Ordinal);
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', '.', ',', '?'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static bool Mentions(HashSet<string> words, Lemma lemma) => lemma.Forms.Any(words.Contains);
}
