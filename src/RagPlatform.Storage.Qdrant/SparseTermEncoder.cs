using System.Text;
using RagPlatform.Storage.Qdrant.Http;

namespace RagPlatform.Storage.Qdrant;

/// <summary>
/// Turns analyzed terms into Qdrant sparse vectors for BM25-style scoring: a term's index is its 32-bit FNV-1a hash
/// (stable across processes and machines, unlike string.GetHashCode), a document's value is the term frequency and
/// a query's is 1 per distinct term; the collection's "idf" modifier supplies inverse document frequency.
/// </summary>
internal static class SparseTermEncoder
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    public static SparseVector EncodeDocument(IEnumerable<string> terms) => Encode(terms);

    public static SparseVector EncodeQuery(IEnumerable<string> terms) => Encode(terms.Distinct(StringComparer.Ordinal));

    public static uint HashTerm(string term)
    {
        var hash = FnvOffsetBasis;
        foreach (var octet in Encoding.UTF8.GetBytes(term))
        {
            hash = unchecked((hash ^ octet) * FnvPrime);
        }

        return hash;
    }

    /// <summary>Counts occurrences per index; terms whose hashes collide share one index (Qdrant requires unique indices).</summary>
    private static SparseVector Encode(IEnumerable<string> terms)
    {
        var weights = new SortedDictionary<uint, float>();
        foreach (var term in terms)
        {
            var index = HashTerm(term);
            weights[index] = weights.GetValueOrDefault(index) + 1;
        }

        return new SparseVector([.. weights.Keys], [.. weights.Values]);
    }
}
