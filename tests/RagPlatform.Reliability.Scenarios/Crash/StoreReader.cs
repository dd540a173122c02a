using RagPlatform.Core.Storage;
using RagPlatform.Reliability.Infrastructure;

namespace RagPlatform.Reliability.Crash;

/// <summary>Reads a store in a loop — keyword and vector searches, document listings and chunks — until cancelled.</summary>
internal static class StoreReader
{
    private static readonly TimeSpan PauseBetweenReads = TimeSpan.FromMilliseconds(5);

    public sealed record Outcome(long Reads, IReadOnlyList<string> Errors);

    public static async Task<Outcome> RunAsync(IChunkStore store, int seed, CancellationToken stop)
    {
        await Task.Yield();
        var random = new Random(seed);
        var errors = new List<string>();
        long reads = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ReadOnceAsync(store, random, stop);
                reads++;
                // A short pause keeps the readers from starving the writer of CPU on a small machine.
                await Task.Delay(PauseBetweenReads, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                errors.Add($"{exception.GetType().Name}: {exception.Message}");
            }
        }

        return new Outcome(reads, errors);
    }

    private static async Task ReadOnceAsync(IChunkStore store, Random random, CancellationToken cancellationToken)
    {
        var words = GeneratedCorpus.SearchWords;
        await store.KeywordSearchAsync($"{words[random.Next(words.Count)]} {words[random.Next(words.Count)]}", 5, cancellationToken: cancellationToken);
        var documents = await store.ListDocumentsAsync(cancellationToken);
        if (documents.Count > 0)
        {
            // A document is written in one transaction, so a reader sees all of its chunks or none of the document.
            var document = documents[random.Next(documents.Count)];
            var chunks = await store.GetChunksAsync(document.Id, cancellationToken);
            if (chunks.Count != document.ChunkCount)
            {
                throw new InvalidOperationException($"'{document.SourcePath}' was read with {chunks.Count} of its {document.ChunkCount} chunks.");
            }
        }

        if (await store.GetEmbeddingSignatureAsync(cancellationToken) is { } signature)
        {
            var query = new float[signature.Dimensions];
            query[random.Next(query.Length)] = 1;
            await store.VectorSearchAsync(query, 5, cancellationToken: cancellationToken);
        }
    }
}
