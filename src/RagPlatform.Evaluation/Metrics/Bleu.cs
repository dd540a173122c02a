using System.Globalization;

namespace RagPlatform.Evaluation.Metrics;

/// <summary>How zero n-gram matches are smoothed (Chen &amp; Cherry 2014, as named by sacreBLEU).</summary>
public enum BleuSmoothing
{
    /// <summary>NIST geometric smoothing ("exp"), sacreBLEU's default.</summary>
    Exponential,

    /// <summary>No smoothing ("none").</summary>
    None,

    /// <summary>Zero counts replaced by a small value, default 0.1 ("floor").</summary>
    Floor,

    /// <summary>k added to counts and totals of orders above 1, default 1 ("add-k").</summary>
    AddK,
}

/// <param name="SmoothValue">Value for <see cref="BleuSmoothing.Floor"/> (default 0.1) or <see cref="BleuSmoothing.AddK"/> (default 1).</param>
/// <param name="EffectiveOrder">Stop at the highest n-gram order the hypothesis has; recommended for sentence level.</param>
public sealed record BleuOptions(
    BleuSmoothing Smoothing = BleuSmoothing.Exponential,
    double? SmoothValue = null,
    BleuTokenizer Tokenizer = BleuTokenizer.Mteval13a,
    bool Lowercase = false,
    bool EffectiveOrder = false,
    int MaxNgramOrder = 4)
{
    /// <summary>sacreBLEU's corpus defaults: 13a, mixed case, exp smoothing, no effective order.</summary>
    public static BleuOptions Corpus { get; } = new();

    /// <summary>sacreBLEU's sentence-level recommendation: the corpus defaults with effective order.</summary>
    public static BleuOptions Sentence { get; } = new(EffectiveOrder: true);

    /// <summary>sacreBLEU-style signature, e.g. "case:mixed|eff:no|tok:13a|smooth:exp".</summary>
    public string Signature
    {
        get
        {
            var smoothing = Smoothing switch
            {
                BleuSmoothing.Exponential => "exp",
                BleuSmoothing.None => "none",
                BleuSmoothing.Floor => string.Create(CultureInfo.InvariantCulture, $"floor[{SmoothValue ?? Bleu.DefaultFloor:F2}]"),
                BleuSmoothing.AddK => string.Create(CultureInfo.InvariantCulture, $"add-k[{SmoothValue ?? Bleu.DefaultAddK:F2}]"),
                _ => throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, null),
            };
            return $"case:{(Lowercase ? "lc" : "mixed")}|eff:{(EffectiveOrder ? "yes" : "no")}|tok:{BleuTokenization.SignatureName(Tokenizer)}|smooth:{smoothing}";
        }
    }
}

/// <summary>A BLEU result with the same fields sacreBLEU reports.</summary>
/// <param name="Score">0–100.</param>
/// <param name="Counts">Matched n-grams per order.</param>
/// <param name="Totals">Hypothesis n-grams per order.</param>
/// <param name="Precisions">Smoothed n-gram precisions (0–100) per order.</param>
public sealed record BleuScore(
    double Score,
    IReadOnlyList<int> Counts,
    IReadOnlyList<int> Totals,
    IReadOnlyList<double> Precisions,
    double BrevityPenalty,
    int HypothesisLength,
    int ReferenceLength)
{
    public double Ratio => ReferenceLength == 0 ? 0 : (double)HypothesisLength / ReferenceLength;

    /// <summary>sacreBLEU's textual form: "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"BLEU = {Score:F2} {string.Join('/', Precisions.Select(p => p.ToString("F1", CultureInfo.InvariantCulture)))} (BP = {BrevityPenalty:F3} ratio = {Ratio:F3} hyp_len = {HypothesisLength} ref_len = {ReferenceLength})");
}

/// <summary>
/// BLEU compatible with sacreBLEU 2.x: same tokenisers (13a, none, char), closest-reference length with ties to the
/// shorter reference, clipped counts against the maximum over references, the four smoothing methods and
/// effective order.
/// </summary>
public static class Bleu
{
    public const double DefaultFloor = 0.1;
    public const double DefaultAddK = 1;

    // sacreBLEU's my_log: log(0) is a large negative number rather than -infinity, so the score becomes 0.
    private const double LogOfZero = -9999999999;

    /// <param name="referenceStreams">sacreBLEU layout: each stream holds one reference per hypothesis.</param>
    public static BleuScore CorpusScore(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> referenceStreams, BleuOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(referenceStreams);
        if (referenceStreams.Count == 0)
        {
            throw new ArgumentException("At least one reference stream is required.", nameof(referenceStreams));
        }

        foreach (var stream in referenceStreams)
        {
            if (stream.Count != hypotheses.Count)
            {
                throw new ArgumentException($"Every reference stream needs {hypotheses.Count} segments, one per hypothesis; got {stream.Count}.", nameof(referenceStreams));
            }
        }

        var segments = hypotheses.Select((hypothesis, index) =>
            (hypothesis, (IReadOnlyList<string>)referenceStreams.Select(stream => stream[index]).ToList()));
        return CorpusScoreFromSegments(segments, options);
    }

    /// <summary>Corpus BLEU where each hypothesis carries its own (possibly different number of) references.</summary>
    public static BleuScore CorpusScoreFromSegments(IEnumerable<(string Hypothesis, IReadOnlyList<string> References)> segments, BleuOptions? options = null)
    {
        options ??= BleuOptions.Corpus;
        var statistics = new SegmentStatistics(options.MaxNgramOrder);
        foreach (var (hypothesis, references) in segments)
        {
            statistics.Add(hypothesis, references, options);
        }

        return FromStatistics(statistics.Correct, statistics.Total, statistics.HypothesisLength, statistics.ReferenceLength, options);
    }

    /// <param name="options">Null uses <see cref="BleuOptions.Sentence"/> (effective order on), as sacreBLEU recommends.</param>
    public static BleuScore SentenceScore(string hypothesis, IReadOnlyList<string> references, BleuOptions? options = null) =>
        CorpusScoreFromSegments([(hypothesis, references)], options ?? BleuOptions.Sentence);

    /// <summary>BLEU from sufficient statistics (sacreBLEU's compute_bleu).</summary>
    public static BleuScore FromStatistics(IReadOnlyList<int> correct, IReadOnlyList<int> total, int hypothesisLength, int referenceLength, BleuOptions? options = null)
    {
        options ??= BleuOptions.Corpus;
        var order = options.MaxNgramOrder;
        if (correct.Count != order || total.Count != order)
        {
            throw new ArgumentException($"Expected {order} counts and totals, one per n-gram order.");
        }

        var brevityPenalty = hypothesisLength < referenceLength
            ? hypothesisLength > 0 ? Math.Exp(1 - (double)referenceLength / hypothesisLength) : 0
            : 1;
        var precisions = new double[order];
        if (correct.All(count => count == 0))
        {
            return new BleuScore(0, correct.ToArray(), total.ToArray(), precisions, brevityPenalty, hypothesisLength, referenceLength);
        }

        var smoothValue = options.SmoothValue ?? options.Smoothing switch
        {
            BleuSmoothing.Floor => DefaultFloor,
            BleuSmoothing.AddK => DefaultAddK,
            _ => 0,
        };
        var exponentialSmoothing = 1.0;
        var effectiveOrder = order;
        for (var n = 1; n <= order; n++)
        {
            double matched = correct[n - 1];
            double candidates = total[n - 1];
            if (options.Smoothing == BleuSmoothing.AddK && n > 1)
            {
                matched += smoothValue;
                candidates += smoothValue;
            }

            if (candidates == 0)
            {
                break;
            }

            if (options.EffectiveOrder)
            {
                effectiveOrder = n;
            }

            if (matched == 0)
            {
                if (options.Smoothing == BleuSmoothing.Exponential)
                {
                    exponentialSmoothing *= 2;
                    precisions[n - 1] = 100 / (exponentialSmoothing * candidates);
                }
                else if (options.Smoothing == BleuSmoothing.Floor)
                {
                    precisions[n - 1] = 100 * smoothValue / candidates;
                }
            }
            else
            {
                precisions[n - 1] = 100 * matched / candidates;
            }
        }

        var meanLog = precisions.Take(effectiveOrder).Sum(p => p == 0 ? LogOfZero : Math.Log(p)) / effectiveOrder;
        var score = brevityPenalty * Math.Exp(meanLog);
        return new BleuScore(score, correct.ToArray(), total.ToArray(), precisions, brevityPenalty, hypothesisLength, referenceLength);
    }

    private sealed class SegmentStatistics(int order)
    {
        // Joins the tokens of an n-gram; tokens are whitespace-free, so a space cannot occur inside one.
        private const char NgramSeparator = ' ';

        public int[] Correct { get; } = new int[order];

        public int[] Total { get; } = new int[order];

        public int HypothesisLength { get; private set; }

        public int ReferenceLength { get; private set; }

        public void Add(string hypothesis, IReadOnlyList<string> references, BleuOptions options)
        {
            if (references.Count == 0)
            {
                throw new ArgumentException("Every hypothesis needs at least one reference.", nameof(references));
            }

            var maxReferenceCounts = Enumerable.Range(0, order).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            var referenceLengths = new List<int>(references.Count);
            foreach (var reference in references)
            {
                var referenceTokens = BleuTokenization.Tokenize(reference, options.Tokenizer, options.Lowercase);
                referenceLengths.Add(referenceTokens.Length);
                var referenceCounts = CountNgrams(referenceTokens);
                for (var n = 0; n < order; n++)
                {
                    foreach (var (ngram, count) in referenceCounts[n])
                    {
                        maxReferenceCounts[n][ngram] = Math.Max(maxReferenceCounts[n].GetValueOrDefault(ngram), count);
                    }
                }
            }

            var hypothesisTokens = BleuTokenization.Tokenize(hypothesis, options.Tokenizer, options.Lowercase);
            HypothesisLength += hypothesisTokens.Length;
            ReferenceLength += ClosestReferenceLength(hypothesisTokens.Length, referenceLengths);
            var hypothesisCounts = CountNgrams(hypothesisTokens);
            for (var n = 0; n < order; n++)
            {
                foreach (var (ngram, count) in hypothesisCounts[n])
                {
                    Total[n] += count;
                    Correct[n] += Math.Min(count, maxReferenceCounts[n].GetValueOrDefault(ngram));
                }
            }
        }

        private Dictionary<string, int>[] CountNgrams(string[] tokens)
        {
            var counts = new Dictionary<string, int>[order];
            for (var n = 1; n <= order; n++)
            {
                counts[n - 1] = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var start = 0; start + n <= tokens.Length; start++)
                {
                    var ngram = string.Join(NgramSeparator, tokens, start, n);
                    counts[n - 1][ngram] = counts[n - 1].GetValueOrDefault(ngram) + 1;
                }
            }

            return counts;
        }

        private static int ClosestReferenceLength(int hypothesisLength, List<int> referenceLengths)
        {
            var closestLength = referenceLengths[0];
            foreach (var length in referenceLengths.Skip(1))
            {
                var difference = Math.Abs(hypothesisLength - length);
                var closestDifference = Math.Abs(hypothesisLength - closestLength);
                if (difference < closestDifference || (difference == closestDifference && length < closestLength))
                {
                    closestLength = length;
                }
            }

            return closestLength;
        }
    }
}
