using RagPlatform.Core.Storage;
using RagPlatform.Reliability.Infrastructure;

namespace RagPlatform.Reliability.Crash;

/// <summary>What a store holds of a generated corpus, and every way a stored document falls short of its file.</summary>
internal sealed record StoredCorpus(IReadOnlySet<string> CompleteDocuments, IReadOnlyList<string> Problems, int StrayDocuments);

internal static class StoreVerifier
{
    /// <summary>
    /// A stored document is complete when it comes from a corpus file with the same content hash, has text, and has
    /// exactly its recorded number of chunks, numbered from 0, each selecting its own text in the document.
    /// </summary>
    public static async Task<StoredCorpus> VerifyAsync(IChunkStore store, GeneratedCorpus corpus, CancellationToken cancellationToken)
    {
        var complete = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var stray = 0;
        foreach (var document in await store.ListDocumentsAsync(cancellationToken))
        {
            if (!corpus.HashesBySourcePath.TryGetValue(document.SourcePath, out var hash))
            {
                stray++;
                problems.Add($"'{document.SourcePath}' is stored but is not a corpus file (a duplicate or a stray document).");
                continue;
            }

            var text = await store.GetDocumentTextAsync(document.Id, cancellationToken);
            var chunks = await store.GetChunksAsync(document.Id, cancellationToken);
            var problem =
                document.ContentHash != hash ? "its content hash differs from the file's"
                : string.IsNullOrEmpty(text) ? "its text is missing"
                : chunks.Count == 0 || chunks.Count != document.ChunkCount ? $"it records {document.ChunkCount} chunk(s) but has {chunks.Count}"
                : chunks.Where((chunk, index) => chunk.Index != index || chunk.EndOffset > text.Length || text[chunk.StartOffset..chunk.EndOffset] != chunk.Text).Any()
                    ? "a chunk does not select its text"
                : null;
            if (problem is null)
            {
                complete.Add(document.SourcePath);
            }
            else
            {
                problems.Add($"'{document.SourcePath}' is incomplete: {problem}.");
            }
        }

        return new StoredCorpus(complete, problems, stray);
    }
}
