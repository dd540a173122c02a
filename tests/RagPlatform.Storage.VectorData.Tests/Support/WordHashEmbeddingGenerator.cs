using Microsoft.Extensions.AI;
using RagPlatform.Core.Text;

namespace RagPlatform.Storage.VectorData.Tests.Support;

/// <summary>A deterministic stand-in for an embedding model: a hashed bag of analyzed terms.</summary>
internal sealed class WordHashEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 64;
    public const string ModelId = "word-hash-64";

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(value => new Embedding<float>(Embed(value)) { ModelId = ModelId })));

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var term in MultilingualAnalyzer.Default.Analyze(text))
        {
            vector[StableHash(term) % Dimensions] += 1;
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    // FNV-1a: string.GetHashCode differs between processes, and test vectors must not.
    private static int StableHash(string text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
