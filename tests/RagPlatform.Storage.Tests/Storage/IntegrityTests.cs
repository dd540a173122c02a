using RagPlatform.Storage.Tests.Support;

namespace RagPlatform.Storage.Tests.Storage;

public sealed class IntegrityTests
{
    [Fact]
    public async Task AHealthyStoreHasNoProblems()
    {
        await using var fixture = new StoreFixture();
        foreach (var document in CourseCorpus.All)
        {
            await document.StoreAsync(fixture.Store);
        }

        Assert.Empty(await fixture.Store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task FindsAnOrphanChunk()
    {
        await using var fixture = new StoreFixture();
        await CourseCorpus.EnglishNotes.StoreAsync(fixture.Store);

        // The raw connection has foreign keys off, as a careless tool's would.
        await DocumentStorageTests.ExecuteRawAsync(fixture.DatabasePath, """
            INSERT INTO chunks (id, document_id, idx, text, source_path, title, heading_path, page, start_offset, end_offset, token_count)
            VALUES ('ghost:0', 'ghost', 0, 'orphan', 'docs/ghost.md', 'Ghost', '', NULL, 0, 6, 1);
            """);

        var problems = await fixture.Store.CheckIntegrityAsync();

        Assert.Contains(problems, p => p.Contains("orphan chunks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("missing from the keyword index", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindsAChunkCountMismatchAndStrayRows()
    {
        await using var fixture = new StoreFixture();
        await fixture.Store.SetEmbeddingSignatureAsync(new("test-model", 2));
        var notes = CourseCorpus.EnglishNotes;
        await notes.StoreAsync(fixture.Store, notes.Chunks.Select(_ => (ReadOnlyMemory<float>)new float[] { 1, 2 }).ToList());

        await DocumentStorageTests.ExecuteRawAsync(fixture.DatabasePath, """
            DELETE FROM chunks WHERE id = 'llm-notes-en:4';
            INSERT INTO chunk_vectors (chunk_rowid, vector) VALUES (9999, x'0000803F00000040');
            """);

        var problems = await fixture.Store.CheckIntegrityAsync();

        Assert.Contains(problems, p => p.Contains("'llm-notes-en' records 5 chunk(s) but has 4", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("keyword-index row(s) have no chunk", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("vector(s) have no chunk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DiagnosisNamesEachCheckAndFindsChunksLeftWithoutVectors()
    {
        await using var fixture = new StoreFixture();
        await fixture.Store.SetEmbeddingSignatureAsync(new("test-model", 2));
        var notes = CourseCorpus.EnglishNotes;
        await notes.StoreAsync(fixture.Store, notes.Chunks.Select(_ => (ReadOnlyMemory<float>)new float[] { 1, 2 }).ToList());
        var healthy = await fixture.Store.DiagnoseAsync();

        await DocumentStorageTests.ExecuteRawAsync(fixture.DatabasePath, "DELETE FROM chunk_vectors WHERE rowid IN (SELECT rowid FROM chunk_vectors LIMIT 2);");
        var damaged = await fixture.Store.DiagnoseAsync();

        Assert.True(healthy.Healthy);
        Assert.Equal(new StoreContents(1, notes.Chunks.Count, notes.Chunks.Count, new("test-model", 2)), healthy.Contents);
        Assert.False(damaged.Healthy);
        var failed = Assert.Single(damaged.Checks, check => !check.Passed);
        Assert.Equal("Vectors match chunks and embedding model", failed.Name);
        Assert.Equal(["2 chunk(s) have no vector while the others have one, so dense search cannot find them."], failed.Problems);
        Assert.Contains("ragp ingest --force", failed.Remedy, StringComparison.Ordinal);
        Assert.Equal(failed.Problems, await fixture.Store.CheckIntegrityAsync());
    }
}
