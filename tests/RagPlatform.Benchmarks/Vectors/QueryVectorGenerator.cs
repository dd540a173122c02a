using Microsoft.Extensions.AI;

namespace RagPlatform.Benchmarks.Vectors;

/// <summary>An embedding "model" that returns the vector each benchmark query was generated with.</summary>
internal sealed class QueryVectorGenerator(IReadOnlyList<SyntheticQuery> queries) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Dictionary<string, float[]> _vectors = queries.ToDictionary(query => query.Text, query => query.Vector, StringComparer.Ordinal);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = values.Select(value => _vectors.TryGetValue(value, out var vector)
            ? new Embedding<float>(vector)
            : throw new InvalidOperationException($"'{value}' is not one of the benchmark's queries."));
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
