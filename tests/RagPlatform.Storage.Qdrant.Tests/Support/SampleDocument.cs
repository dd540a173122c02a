using RagPlatform.Core.Documents;

namespace RagPlatform.Storage.Qdrant.Tests.Support;

/// <summary>A two-chunk document whose ids, terms and payloads the request tests spell out literally.</summary>
internal static class SampleDocument
{
    public const string Text = "alpha beta alpha. gamma";

    // Name-based UUID v5 of "doc-1:0", "doc-1:1" and "document:doc-1" in RagPlatform's namespace.
    public const string Chunk0PointId = "569fc01f-aba9-5c96-adaf-8fd36825b7be";
    public const string Chunk1PointId = "69a809a4-62a4-5121-a8e6-49e772c5723e";
    public const string DocumentPointId = "b002da6e-4cc6-57b6-901a-a24078041ce0";
    public const string SignaturePointId = "e5382c6a-4796-56c5-8ff1-e2004cd16ffb";

    // 32-bit FNV-1a of the terms.
    public const uint Alpha = 1569418667;
    public const uint Beta = 2944525511;
    public const uint Gamma = 3492353034;

    public static DocumentInfo Info { get; } = new(
        "doc-1", "notes/a.md", "Notes A", "md", "abc123", 42, "en", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), 2);

    public static IReadOnlyList<Chunk> Chunks { get; } =
    [
        new("doc-1:0", "doc-1", 0, "alpha beta alpha", "notes/a.md", "Notes A", "Intro", null, 0, 16, 3),
        new("doc-1:1", "doc-1", 1, "gamma", "notes/a.md", "Notes A", "Intro > Details", 2, 18, 23, 1),
    ];

    public static IReadOnlyList<ReadOnlyMemory<float>> Vectors { get; } = [new[] { 0.5f, 0.25f, -1f }, new[] { 1f, 0f, 0.125f }];

    /// <summary>Chunk 1's payload as Qdrant returns it in a ScoredPoint or Record.</summary>
    public const string Chunk1PayloadJson = """
        {"document_id":"doc-1","index":1,"text":"gamma","source_path":"notes/a.md","title":"Notes A",
         "heading_path":"Intro > Details","page":2,"start_offset":18,"end_offset":23,"token_count":1,"language":"en"}
        """;

    public const string Chunk0PayloadJson = """
        {"document_id":"doc-1","index":0,"text":"alpha beta alpha","source_path":"notes/a.md","title":"Notes A",
         "heading_path":"Intro","start_offset":0,"end_offset":16,"token_count":3,"language":"en"}
        """;

    /// <summary>The document record's payload without its text, as listed.</summary>
    public const string DocumentPayloadJson = """
        {"kind":"document","document_id":"doc-1","source_path":"notes/a.md","title":"Notes A","format":"md",
         "content_hash":"abc123","size_bytes":42,"language":"en","ingested_at":"2026-01-02T03:04:05+00:00","chunk_count":2}
        """;
}
