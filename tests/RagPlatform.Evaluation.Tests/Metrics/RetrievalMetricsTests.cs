using RagPlatform.Evaluation.Metrics;

namespace RagPlatform.Evaluation.Tests.Metrics;

/// <summary>
/// Expected values come from pytrec_eval's tests and README (cvangysel/pytrec_eval: tests/pytrec_eval_tests.py
/// test_ndcg / test_ndcg_cut; README map/ndcg example), ir_measures' pytrec_eval provider tests
/// (terrierteam/ir_measures: test/test_pytrec_eval.py test_Success / test_SetP / test_SetR), and ranx's graded nDCG
/// test (AmenRa/ranx: tests/unit/ranx/metrics_test.py test_ndcg_jarvelin, trec_eval-style gain = grade).
/// trec_eval ranks by score descending, so the runs below are written already sorted by score.
/// </summary>
public sealed class RetrievalMetricsTests
{
    private static readonly Dictionary<string, int> ReadmeQ1 = new() { ["d1"] = 0, ["d2"] = 1, ["d3"] = 0 };
    private static readonly Dictionary<string, int> ReadmeQ2 = new() { ["d2"] = 1, ["d3"] = 1 };

    [Fact]
    public void Pytrec_eval_readme_map_and_ndcg()
    {
        // q1 run: d3 1.5, d1 1.0, d2 0.0; q2 run: d1 1.5, d3 0.5, d2 0.2.
        string[] q1 = ["d3", "d1", "d2"];
        string[] q2 = ["d1", "d3", "d2"];

        Assert.Equal(0.5, RetrievalMetrics.NdcgAtK(q1, ReadmeQ1), 12);
        Assert.Equal(0.3333333333333333, RetrievalMetrics.AveragePrecision(q1, ReadmeQ1), 12);
        Assert.Equal(0.6934264036172708, RetrievalMetrics.NdcgAtK(q2, ReadmeQ2), 12);
        Assert.Equal(0.5833333333333333, RetrievalMetrics.AveragePrecision(q2, ReadmeQ2), 12);
    }

    [Theory]
    [InlineData(new[] { "d2", "d3", "d1" }, 1.0)]
    [InlineData(new[] { "d1", "d2", "d3" }, 0.6309297535714575)]
    [InlineData(new[] { "d3", "d1", "d2" }, 0.5)]
    public void Pytrec_eval_ndcg_cases(string[] ranking, double expected)
    {
        Assert.Equal(expected, RetrievalMetrics.NdcgAtK(ranking, ReadmeQ1), 12);
    }

    [Fact]
    public void Pytrec_eval_ndcg_cut_cases()
    {
        string[] ranking = ["d3", "d1", "d2"];

        Assert.Equal(0.5, RetrievalMetrics.NdcgAtK(ranking, ReadmeQ1, 3), 12);
        Assert.Equal(0.0, RetrievalMetrics.NdcgAtK(ranking, ReadmeQ1, 2), 12);
        Assert.Equal(0.0, RetrievalMetrics.NdcgAtK(ranking, ReadmeQ1, 1), 12);
        Assert.Equal(0.5, RetrievalMetrics.NdcgAtK(ranking, ReadmeQ1, 1000), 12);
        Assert.Equal(1.0, RetrievalMetrics.NdcgAtK(["d2", "d3", "d1"], ReadmeQ1, 1), 12);
    }

    [Fact]
    public void Ir_measures_success_precision_and_recall_cases()
    {
        var q0 = new Dictionary<string, int> { ["D0"] = 0, ["D1"] = 1, ["D2"] = 2, ["D3"] = 2, ["D4"] = 0 };
        var q1 = new Dictionary<string, int> { ["D0"] = 1, ["D3"] = 2, ["D5"] = 0 };

        // Run scores q0: D0 .8, D2 .7, D1 .3, D3 .4, D4 .1; q1: D1 .8, D4 .7, D3 .3, D2 .4.
        string[] run0 = ["D0", "D2", "D3", "D1", "D4"];
        string[] run1 = ["D1", "D4", "D2", "D3"];

        Assert.Equal(1, RetrievalMetrics.HitAtK(run0, q0, 2));
        Assert.Equal(0, RetrievalMetrics.HitAtK(run1, q1, 2));
        Assert.Equal(1, RetrievalMetrics.HitAtK(run0, q0, 2, relevanceLevel: 2));
        Assert.Equal(0, RetrievalMetrics.HitAtK(run0, q0, 2, relevanceLevel: 3));

        // SetP/SetR cover the whole retrieved list: P@|run| and R@|run|.
        Assert.Equal(0.6, RetrievalMetrics.PrecisionAtK(run0, q0, run0.Length), 12);
        Assert.Equal(0.25, RetrievalMetrics.PrecisionAtK(run1, q1, run1.Length), 12);
        Assert.Equal(0.4, RetrievalMetrics.PrecisionAtK(run0, q0, run0.Length, relevanceLevel: 2), 12);
        Assert.Equal(1.0, RetrievalMetrics.RecallAtK(run0, q0, run0.Length), 12);
        Assert.Equal(0.5, RetrievalMetrics.RecallAtK(run1, q1, run1.Length), 12);
        Assert.Equal(1.0, RetrievalMetrics.RecallAtK(run1, q1, run1.Length, relevanceLevel: 2), 12);
    }

    [Fact]
    public void Ranx_graded_ndcg_uses_the_grade_as_gain()
    {
        var judgements = new Dictionary<string, int> { ["2"] = 5, ["4"] = 4, ["5"] = 3, ["10"] = 2 };
        var idealDcg = (5 / Math.Log2(2)) + (4 / Math.Log2(3)) + (3 / Math.Log2(4)) + (2 / Math.Log2(5));

        Assert.Equal(((5 / Math.Log2(3)) + (4 / Math.Log2(5)) + (3 / Math.Log2(6))) / idealDcg, RetrievalMetrics.NdcgAtK(["1", "2", "3", "4", "5"], judgements, 10), 12);
        Assert.Equal(((2 / Math.Log2(2)) + (3 / Math.Log2(3)) + (5 / Math.Log2(4)) + (4 / Math.Log2(5))) / idealDcg, RetrievalMetrics.NdcgAtK(["10", "5", "2", "4", "3"], judgements, 10), 12);
        Assert.Equal(0, RetrievalMetrics.NdcgAtK(["1", "3", "6", "7", "8"], judgements, 10));
    }

    [Fact]
    public void Ranx_reciprocal_rank_and_r_precision_cases()
    {
        // ranx metrics_test.py test_reciprocal_rank_single / test_r_precision_single.
        Assert.Equal(0.5, RetrievalMetrics.ReciprocalRank(["2", "3", "1", "4", "5"], new Dictionary<string, int> { ["3"] = 1 }));
        Assert.Equal(0, RetrievalMetrics.ReciprocalRank(["2", "1", "4", "5"], new Dictionary<string, int> { ["3"] = 1 }));
        var relevant = new Dictionary<string, int> { ["1"] = 1, ["2"] = 1, ["3"] = 1 };
        Assert.Equal(2.0 / 3, RetrievalMetrics.RPrecision(["2", "4", "3", "1", "5", "6", "7"], relevant), 12);
        Assert.Equal(1.0 / 3, RetrievalMetrics.RecallAtK(["2", "4", "3", "1", "5", "6", "7"], relevant, 2), 12);
    }

    [Fact]
    public void Repeated_documents_count_once_and_precision_divides_by_k()
    {
        var judgements = new Dictionary<string, int> { ["a"] = 1 };

        Assert.Equal(0.2, RetrievalMetrics.PrecisionAtK(["a", "a"], judgements, 5), 12);
        Assert.Equal(1, RetrievalMetrics.AveragePrecision(["a", "a"], judgements));
    }
}
