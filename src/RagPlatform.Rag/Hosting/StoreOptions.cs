namespace RagPlatform.Rag.Hosting;

/// <summary>Where the index lives and what it starts with. Bound from the "Store" configuration section.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";
    public const string SqliteProvider = "sqlite";
    public const string QdrantProvider = "qdrant";

    /// <summary>"sqlite" (the embedded default) or "qdrant" (settings under Store:Qdrant).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Directory of the embedded store (created when missing); also holds uploads and evaluation runs.</summary>
    public string Path { get; set; } = ".ragp";

    /// <summary>
    /// Folder ingested automatically when a question is asked of an empty store. Null looks for the bundled
    /// sample corpus: data/corpus above the working directory, then the copy next to the program.
    /// </summary>
    public string? SampleCorpusPath { get; set; }

    /// <summary>Set to false to keep an empty store empty.</summary>
    public bool IngestSampleCorpusWhenEmpty { get; set; } = true;
}
