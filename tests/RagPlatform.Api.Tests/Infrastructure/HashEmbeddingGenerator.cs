using Microsoft.Extensions.AI;

namespace RagPlatform.Api.Tests.Infrastructure;

/// <summary>
/// A deterministic embedding model: each lower-cased word adds 1 to a dimension picked by its FNV-1a hash, and the
/// vector is L2-normalised, so texts sharing words are close. Usage counts words.
/// </summary>
internal sealed class HashEmbeddingGenerator(string modelId = HashEmbeddingGenerator.DefaultModelId, int dimensions = 32)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string DefaultModelId = "hash-embedding";

    public int Dimensions => dimensions;

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in Words(text))
        {
            var hash = 2166136261u;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }

            vector[hash % (uint)dimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Embed(t)) { ModelId = modelId }))
        {
            Usage = new UsageDetails { InputTokenCount = texts.Sum(t => Words(t).Length), TotalTokenCount = texts.Sum(t => Words(t).Length) },
        };
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("hash", null, modelId, dimensions)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split([' ', '\n', '\t', '.', ',', '?', '!', ':', ';'], StringSplitOptions.RemoveEmptyEntries);
}
