using Microsoft.Extensions.AI;

namespace RagPlatform.Core.Generation;

/// <summary>
/// Tells an embedding generator whether its inputs are search queries or indexed passages. Asymmetric models
/// (E5, BGE) embed the two with different prefixes; symmetric models ignore the distinction.
/// </summary>
public static class EmbeddingInputKind
{
    public const string PropertyName = "ragp.input_kind";
    public const string Query = "query";
    public const string Passage = "passage";

    public static EmbeddingGenerationOptions ForQueries() => Create(Query);

    public static EmbeddingGenerationOptions ForPassages() => Create(Passage);

    /// <returns><see cref="Query"/>, <see cref="Passage"/>, or null when the caller did not say.</returns>
    public static string? Read(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true ? value as string : null;

    private static EmbeddingGenerationOptions Create(string kind) =>
        new() { AdditionalProperties = new AdditionalPropertiesDictionary { [PropertyName] = kind } };
}
