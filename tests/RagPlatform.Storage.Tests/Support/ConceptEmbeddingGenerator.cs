using Microsoft.Extensions.AI;
using RagPlatform.Core.Generation;
using RagPlatform.Core.Text;

namespace RagPlatform.Storage.Tests.Support;

/// <summary>
/// A deterministic stand-in for an embedding model: a hashed bag of analyzed terms, where listed synonyms share one
/// concept, so it "understands" paraphrases that keyword search cannot match. Records the input kind it was asked for.
/// </summary>
internal sealed class ConceptEmbeddingGenerator(params string[][] synonymGroups) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 64;
    public const string ModelId = "concept-hash-64";

    private readonly Dictionary<string, string> _conceptByTerm = synonymGroups
        .SelectMany(group => group.Select(word => (Term: Analyze(word).Single(), Concept: group[0])))
        .ToDictionary(pair => pair.Term, pair => pair.Concept);

    public List<string?> RequestedInputKinds { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequestedInputKinds.Add(EmbeddingInputKind.Read(options));
        var embeddings = values.Select(value => new Embedding<float>(Embed(value)) { ModelId = ModelId });
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));
    }

    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var term in Analyze(text))
        {
            var concept = _conceptByTerm.GetValueOrDefault(term, term);
            vector[StableHash(concept) % Dimensions] += 1;
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", defaultModelId: ModelId, defaultModelDimensions: Dimensions) : null;

    public void Dispose()
    {
    }

    private static IReadOnlyList<string> Analyze(string text) => MultilingualAnalyzer.Default.Analyze(text);

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
