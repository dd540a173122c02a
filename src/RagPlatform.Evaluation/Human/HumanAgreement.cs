using RagPlatform.Evaluation.Metrics;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Evaluation.Human;

/// <summary>How often a human's hallucination label matches another label.</summary>
/// <param name="CohenKappa">Null when undefined (both sides used one and the same label throughout).</param>
public sealed record LabelAgreement(string Name, int Items, double PercentAgreement, double? CohenKappa);

/// <summary>Human ratings of a run beside the automatic hallucination label.</summary>
/// <param name="AutomaticMethod">The groundedness method whose "has an unsupported claim" label humans are compared with.</param>
/// <param name="HumanVsAutomatic">All ratings pooled, then <see cref="PerRater"/> one rater at a time.</param>
/// <param name="BetweenRaters">Each pair of raters on the questions both rated.</param>
public sealed record HumanAgreementReport(
    string AutomaticMethod,
    int RatingCount,
    int RatedQuestionCount,
    double MeanCorrectness,
    double HumanHallucinationRate,
    double AutomaticHallucinationRate,
    LabelAgreement HumanVsAutomatic,
    IReadOnlyList<LabelAgreement> PerRater,
    IReadOnlyList<LabelAgreement> BetweenRaters);

public static class HumanAgreement
{
    /// <summary>
    /// An answer is automatically labelled hallucinated when the run's primary groundedness method found at least one
    /// unsupported claim in it. Null when the run has no ratings.
    /// </summary>
    public static HumanAgreementReport? Compute(EvaluationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var questions = run.Questions.Where(question => question.Error is null).ToDictionary(question => question.Id, StringComparer.Ordinal);
        var ratings = run.HumanRatings.Where(rating => questions.ContainsKey(rating.QuestionId)).ToList();
        if (ratings.Count == 0)
        {
            return null;
        }

        bool Automatic(HumanRating rating) => questions[rating.QuestionId].PrimaryGroundedness?.UnsupportedCount > 0;

        var perRater = ratings.GroupBy(rating => rating.Rater, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Compare(group.Key, group.Select(rating => (rating.Hallucination, Automatic(rating))).ToList()))
            .ToList();
        return new HumanAgreementReport(
            run.Configuration.GroundednessMethods.FirstOrDefault() ?? run.Configuration.PrimaryGroundednessMethod,
            ratings.Count,
            ratings.Select(rating => rating.QuestionId).Distinct().Count(),
            ratings.Average(rating => rating.Correctness),
            ratings.Average(rating => rating.Hallucination ? 1.0 : 0.0),
            ratings.Average(rating => Automatic(rating) ? 1.0 : 0.0),
            Compare("all raters vs automatic", ratings.Select(rating => (rating.Hallucination, Automatic(rating))).ToList()),
            perRater,
            BetweenRaters(ratings));
    }

    /// <summary>Hallucination-label agreement of each pair of raters (in name order) on the answers both rated; pairs sharing none are left out.</summary>
    public static IReadOnlyList<LabelAgreement> BetweenRaters(IReadOnlyList<HumanRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var byRater = ratings.GroupBy(rating => rating.Rater, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Rater: group.Key, Ratings: group.ToDictionary(rating => rating.QuestionId, StringComparer.Ordinal)))
            .ToList();
        var agreements = new List<LabelAgreement>();
        for (var i = 0; i < byRater.Count; i++)
        {
            for (var j = i + 1; j < byRater.Count; j++)
            {
                var second = byRater[j].Ratings;
                var pairs = byRater[i].Ratings.Values
                    .Where(rating => second.ContainsKey(rating.QuestionId))
                    .Select(rating => (rating.Hallucination, second[rating.QuestionId].Hallucination))
                    .ToList();
                if (pairs.Count > 0)
                {
                    agreements.Add(Compare($"{byRater[i].Rater} vs {byRater[j].Rater}", pairs));
                }
            }
        }

        return agreements;
    }

    private static LabelAgreement Compare(string name, IReadOnlyList<(bool First, bool Second)> pairs)
    {
        var first = pairs.Select(pair => pair.First).ToList();
        var second = pairs.Select(pair => pair.Second).ToList();
        return new LabelAgreement(name, pairs.Count, Agreement.PercentAgreement(first, second), Agreement.CohenKappa(first, second));
    }
}
