using Microsoft.Extensions.AI;
using RagPlatform.Evaluation.Text;

namespace RagPlatform.Evaluation.Tests.Hallucination;

/// <summary>
/// A deterministic stand-in for a sentence-embedding model (no pretrained weights are available offline): word
/// unigrams and bigrams hashed (FNV-1a) into a fixed number of dimensions and L2-normalised.
/// </summary>
internal sealed class HashingEmbeddingGenerator(int dimensions = 512) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var embeddings = values.Select(value => new Embedding<float>(Embed(value))).ToList();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("hashing", defaultModelId: "hashed-unigram-bigram-512") : null;

    public void Dispose()
    {
    }

    private float[] Embed(string text)
    {
        var vector = new float[dimensions];
        var tokens = WordTokenizer.Tokenize(text);
        foreach (var token in tokens)
        {
            vector[Bucket(token)] += 1;
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            vector[Bucket(tokens[i] + " " + tokens[i + 1])] += 0.5f;
        }

        var norm = MathF.Sqrt(vector.Sum(component => component * component));
        return norm == 0 ? vector : vector.Select(component => component / norm).ToArray();
    }

    private int Bucket(string feature)
    {
        var hash = 2166136261u;
        foreach (var character in feature)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return (int)(hash % (uint)dimensions);
    }
}
