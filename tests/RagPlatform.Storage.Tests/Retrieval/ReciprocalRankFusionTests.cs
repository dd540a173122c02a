using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;
using RagPlatform.Retrieval;

namespace RagPlatform.Storage.Tests.Retrieval;

public sealed class ReciprocalRankFusionTests
{
    private static readonly IReadOnlyList<ScoredChunk> Keyword = Ranking("a", "b", "c");
    private static readonly IReadOnlyList<ScoredChunk> Dense = Ranking("c", "a", "d");

    [Fact]
    public void SumsWeightedReciprocalRanks()
    {
        var fused = ReciprocalRankFusion.Fuse([(Keyword, 1.0), (Dense, 1.0)], k: 60);

        Assert.Equal(["a", "c", "b", "d"], fused.Select(c => c.Chunk.Id));
        Assert.Equal(1.0 / 61 + 1.0 / 62, fused[0].Score, precision: 12);
        Assert.Equal(1.0 / 63 + 1.0 / 61, fused[1].Score, precision: 12);
        Assert.Equal(1.0 / 62, fused[2].Score, precision: 12);
        Assert.Equal(1.0 / 63, fused[3].Score, precision: 12);
    }

    [Fact]
    public void WeightsShiftTheOrder()
    {
        var fused = ReciprocalRankFusion.Fuse([(Keyword, 1.0), (Dense, 3.0)], k: 60);

        Assert.Equal(["c", "a", "d", "b"], fused.Select(c => c.Chunk.Id));
        Assert.Equal(3.0 / 61 + 1.0 / 63, fused[0].Score, precision: 12);
    }

    [Fact]
    public void SmallKFavoursTopRanks()
    {
        var fused = ReciprocalRankFusion.Fuse([(Ranking("x", "y"), 1.0), (Ranking("y", "z", "w", "x"), 1.0)], k: 0);

        Assert.Equal(1.0 / 2 + 1.0 / 1, fused[0].Score, precision: 12);
        Assert.Equal(["y", "x", "z", "w"], fused.Select(c => c.Chunk.Id));
    }

    [Fact]
    public void AZeroWeightRankingIsIgnored()
    {
        var fused = ReciprocalRankFusion.Fuse([(Keyword, 1.0), (Dense, 0.0)], k: 60);

        Assert.Equal(["a", "b", "c"], fused.Select(c => c.Chunk.Id));
    }

    [Fact]
    public void FusingNothingGivesNothing() =>
        Assert.Empty(ReciprocalRankFusion.Fuse([([], 1.0), ([], 1.0)], k: 60));

    private static IReadOnlyList<ScoredChunk> Ranking(params string[] ids) =>
        ids.Select((id, rank) => new ScoredChunk(new Chunk(id, "doc", rank, id, "doc.md", "Doc", "", null, 0, 1, 1), 100 - rank)).ToList();
}
