using RagPlatform.Core.Storage;

namespace RagPlatform.Storage;

/// <summary>The outcome of checking an embedded store: each check with what it found, and what the store holds.</summary>
/// <param name="Contents">Null when the store is too damaged to count its rows.</param>
public sealed record StoreDiagnosis(string DatabasePath, IReadOnlyList<StoreCheck> Checks, StoreContents? Contents)
{
    public bool Healthy => Checks.All(check => check.Passed);

    /// <summary>Every problem of every check, in check order.</summary>
    public IReadOnlyList<string> Problems => [.. Checks.SelectMany(check => check.Problems)];
}

/// <summary>One integrity check.</summary>
/// <param name="Problems">What is wrong, one line each; empty when the check passed.</param>
/// <param name="Remedy">What to do when the check fails.</param>
public sealed record StoreCheck(string Name, IReadOnlyList<string> Problems, string Remedy)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>Row counts of the store and the embedding model its vectors come from (null when none are stored).</summary>
public sealed record StoreContents(long Documents, long Chunks, long Vectors, EmbeddingSignature? Embedding);
