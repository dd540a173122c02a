namespace RagPlatform.Storage.VectorData.Tests.Support;

/// <summary>The retrieval mapping a user would write for <see cref="RagChunkRecord"/> as a "foreign" connector record.</summary>
internal static class ChunkRecordMapping
{
    public static void Configure(VectorStoreRetrievalOptions<RagChunkRecord> options)
    {
        options.ChunkId = r => r.Key;
        options.DocumentId = r => r.DocumentId;
        options.Text = r => r.Text;
        options.Title = r => r.Title;
        options.SourcePath = r => r.SourcePath;
        options.HeadingPath = r => r.HeadingPath;
        options.Index = r => r.Index;
        options.Tags = r => r.Tags;
    }
}
