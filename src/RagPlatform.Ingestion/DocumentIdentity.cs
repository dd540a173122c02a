using System.Security.Cryptography;
using System.Text;

namespace RagPlatform.Ingestion;

public static class DocumentIdentity
{
    /// <summary>
    /// A stable document id: the first 16 lower-case hex digits of the SHA-256 of the full path with '/' separators,
    /// so the same file gets the same id however it was named (relative, absolute, "./").
    /// </summary>
    public static string ForPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path).Replace(Path.DirectorySeparatorChar, '/');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(fullPath));
        return Convert.ToHexStringLower(hash, 0, 8);
    }
}
