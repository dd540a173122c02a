using System.Globalization;
using System.Text.RegularExpressions;
using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

public sealed partial class ConcurrencyTests
{
    private const int Versions = 25;

    [Fact]
    public async Task ReadersSeeWholeVersionsWhileAWriterReplacesDocuments()
    {
        await using var fixture = new StoreFixture();
        await VersionOf(0).StoreAsync(fixture.Store);
        using var writerDone = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            try
            {
                for (var version = 1; version <= Versions; version++)
                {
                    await VersionOf(version).StoreAsync(fixture.Store);
                }
            }
            finally
            {
                await writerDone.CancelAsync();
            }
        });

        var reader = Task.Run(async () =>
        {
            var reads = 0;
            await using var readerStore = fixture.Open();
            while (!writerDone.IsCancellationRequested || reads == 0)
            {
                var results = await readerStore.KeywordSearchAsync("rotating passage", 50);
                var versions = results.Select(r => VersionIn(r.Chunk.Text)).Distinct().ToList();
                var version = Assert.Single(versions);
                Assert.Equal(ChunkCountOf(version), results.Count);
                reads++;
            }

            return reads;
        });

        await writer;
        Assert.True(await reader > 0);
        Assert.Equal(ChunkCountOf(Versions), (await fixture.Store.GetChunksAsync("rotating")).Count);
    }

    private static int ChunkCountOf(int version) => 2 + version % 4;

    private static TestDocument VersionOf(int version) => TestDocuments.Create(
        "rotating",
        "Rotating",
        Enumerable.Range(0, ChunkCountOf(version)).Select(i => $"Rotating passage {i} written in version {version}.").ToArray());

    private static int VersionIn(string text) => int.Parse(VersionPattern().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"version (\d+)")]
    private static partial Regex VersionPattern();
}
