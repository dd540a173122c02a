using System.Security.Cryptography;
using System.Text;
using RagPlatform.Core.Documents;

namespace RagPlatform.Storage.Qdrant;

/// <summary>
/// Deterministic point ids (name-based UUID v5, RFC 9562 §5.5), so writing the same chunk again overwrites its point
/// instead of adding a duplicate, and a retried upsert is harmless.
/// </summary>
internal static class PointIds
{
    /// <summary>RagPlatform's UUID namespace. Changing it would orphan every point already stored.</summary>
    private static readonly Guid Namespace = new("5b0e7a64-3c1f-4d8e-9a57-2f6c1d9e8b43");

    public static string EmbeddingSignature { get; } = Create("embedding-signature");

    /// <summary>The id of the chunk "{documentId}:{index}".</summary>
    public static string ForChunk(string documentId, int index) => Create(Chunk.CreateId(documentId, index));

    /// <summary>The id of the document record (in the documents collection).</summary>
    public static string ForDocument(string documentId) => Create($"document:{documentId}");

    internal static Guid CreateVersion5(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }

    private static string Create(string name) => CreateVersion5(Namespace, name).ToString("D");
}
