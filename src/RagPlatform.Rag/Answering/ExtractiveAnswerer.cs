using Microsoft.Extensions.Options;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;

namespace RagPlatform.Rag.Answering;

/// <summary>
/// Answers without a model: quotes the retrieved sentences that best cover the question's content terms, each
/// followed by its own citation marker whose citation locates exactly that sentence in its document. It never
/// writes a word that is not in a source; when no sentence covers enough of the question it abstains instead of
/// guessing.
/// </summary>
public sealed class ExtractiveAnswerer(ITextAnalyzer analyzer, IOptions<AnsweringOptions> options)
{
    private const double RetrievalRankBonus = 0.15;
    private const double ContextTermCredit = 0.5;
    private const double NearDuplicateOverlap = 0.7;
    private const double CompanionSentenceShare = 0.7;
    private const double DefinitionBonus = 0.1;

    // A sentence that opens with the question's subject and then states what it is reads as the answer's lead.
    private static readonly string[] DefiningWords = [" is ", " are ", " means ", " adalah ", " merupakan ", " ialah ", " yaitu "];

    // Words that say what kind of answer is wanted rather than what it is about.
    private static readonly string[] QuestionWords =
    [
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "explain", "describe", "define",
        "definition", "meaning", "mean", "tell", "give", "list", "name", "difference", "purpose", "usually", "often",
        "typically", "according", "handout", "document", "make", "use", "called", "work",
        "apa", "apakah", "siapa", "kapan", "dimana", "mana", "mengapa", "kenapa", "bagaimana", "berapa", "jelaskan",
        "sebutkan", "uraikan", "definisi", "pengertian", "arti", "maksud", "dimaksud", "perbedaan", "beda", "tujuan",
        "dipakai", "digunakan", "biasanya", "menurut", "disebut", "dilakukan", "terhadap", "cara", "kerja",
    ];

    private readonly HashSet<string> _questionTerms = new(QuestionWords.SelectMany(analyzer.Analyze), StringComparer.Ordinal);
    private readonly AnsweringOptions _options = options.Value;

    public GroundedAnswer Answer(string question, string language, IReadOnlyList<ScoredChunk> context) =>
        Compose(question, language, context).Answer;

    /// <summary>The same answer delivered sentence by sentence, as a stream would show it.</summary>
    public IEnumerable<AnswerUpdate> AnswerIncrementally(string question, string language, IReadOnlyList<ScoredChunk> context)
    {
        var (answer, pieces) = Compose(question, language, context);
        foreach (var piece in pieces)
        {
            yield return new AnswerUpdate(piece);
        }

        yield return new AnswerUpdate(string.Empty, answer);
    }

    private (GroundedAnswer Answer, IReadOnlyList<string> Pieces) Compose(string question, string language, IReadOnlyList<ScoredChunk> context)
    {
        var queryTerms = analyzer.Analyze(question).Where(t => !_questionTerms.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var candidates = SentenceCandidate.Collect(context, analyzer);
        if (queryTerms.Count == 0 || candidates.Count == 0)
        {
            return Abstain(question, language, context);
        }

        var weights = TermWeights(queryTerms, candidates);
        var totalWeight = weights.Values.Sum();
        var ranked = candidates
            .Select(c => (Candidate: c, Coverage: Coverage(c, weights) / totalWeight))
            .Select(x => (x.Candidate, x.Coverage, Score: x.Coverage + RetrievalRankBonus / (1 + x.Candidate.ChunkRank) + (Defines(x.Candidate, queryTerms) ? DefinitionBonus : 0)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Candidate.ChunkRank)
            .ThenBy(x => x.Candidate.Span.Start)
            .ToList();

        var bestCoverage = ranked[0].Coverage;
        if (bestCoverage < _options.MinimumSupport)
        {
            return Abstain(question, language, context);
        }

        var companionFloor = Math.Max(_options.MinimumSupport, bestCoverage * CompanionSentenceShare);
        var chosen = new List<SentenceCandidate> { ranked[0].Candidate };
        foreach (var (candidate, coverage, _) in ranked.Skip(1))
        {
            if (chosen.Count >= _options.MaxSentences)
            {
                break;
            }

            if (coverage >= companionFloor && !chosen.Any(c => c.Repeats(candidate, NearDuplicateOverlap)))
            {
                chosen.Add(candidate);
            }
        }

        return Cite(question, language, context, chosen);
    }

    private (GroundedAnswer, IReadOnlyList<string>) Cite(
        string question, string language, IReadOnlyList<ScoredChunk> context, IReadOnlyList<SentenceCandidate> chosen)
    {
        var citations = new List<Citation>(chosen.Count);
        var pieces = new List<string>(chosen.Count);
        foreach (var sentence in chosen)
        {
            var chunk = sentence.Chunk;
            var number = citations.Count + 1;
            citations.Add(new Citation(
                number,
                chunk.Id,
                chunk.DocumentId,
                chunk.SourcePath,
                chunk.Title,
                chunk.HeadingPath,
                chunk.Page,
                Quote(sentence.Text),
                chunk.StartOffset + sentence.Span.Start,
                chunk.StartOffset + sentence.Span.End));
            pieces.Add((pieces.Count == 0 ? string.Empty : " ") + $"{sentence.Text} [{number}]");
        }

        var answer = new GroundedAnswer(question, string.Concat(pieces), citations, Abstained: false, language, AnswerMode.Extractive, context);
        return (answer, pieces);
    }

    private static (GroundedAnswer, IReadOnlyList<string>) Abstain(string question, string language, IReadOnlyList<ScoredChunk> context)
    {
        var text = AbstentionMessages.For(language);
        return (new GroundedAnswer(question, text, [], Abstained: true, language, AnswerMode.Extractive, context), [text]);
    }

    private bool Defines(SentenceCandidate candidate, HashSet<string> queryTerms)
    {
        var opening = analyzer.Analyze(candidate.Text.Length > 60 ? candidate.Text[..60] : candidate.Text);
        return opening.Count > 0 && queryTerms.Contains(opening[0])
            && DefiningWords.Any(w => candidate.Text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private string Quote(string sentence) =>
        sentence.Length <= _options.MaxQuoteLength ? sentence : string.Concat(sentence.AsSpan(0, _options.MaxQuoteLength).TrimEnd(), "…");

    // Rarer terms carry more of the question. A term no retrieved sentence contains gets the average weight of the
    // terms that do occur: the question may use a synonym or another language for it, so it neither dominates
    // (which would reject paraphrased questions) nor vanishes (which would let common words answer anything).
    private static Dictionary<string, double> TermWeights(HashSet<string> queryTerms, IReadOnlyList<SentenceCandidate> candidates)
    {
        var sentenceCount = candidates.Count;
        var frequencies = queryTerms.ToDictionary(
            term => term,
            term => candidates.Count(c => c.Terms.Contains(term) || c.ContextTerms.Contains(term)),
            StringComparer.Ordinal);
        var present = frequencies.Where(f => f.Value > 0).Select(f => Math.Log(1 + sentenceCount / (f.Value + 0.5))).ToList();
        var absentWeight = present.Count > 0 ? present.Average() : 1.0;
        return frequencies.ToDictionary(
            f => f.Key,
            f => f.Value > 0 ? Math.Log(1 + sentenceCount / (f.Value + 0.5)) : absentWeight,
            StringComparer.Ordinal);
    }

    private static double Coverage(SentenceCandidate candidate, Dictionary<string, double> weights)
    {
        var covered = 0.0;
        foreach (var (term, weight) in weights)
        {
            if (candidate.Terms.Contains(term))
            {
                covered += weight;
            }
            else if (candidate.ContextTerms.Contains(term))
            {
                covered += weight * ContextTermCredit;
            }
        }

        return covered;
    }
}
