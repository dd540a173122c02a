namespace RagPlatform.Ingestion;

internal static class StreamBytes
{
    /// <summary>Reads the rest of <paramref name="content"/>; callers bound its size (the loader checks the file size first).</summary>
    public static async Task<byte[]> ReadAllAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = content.CanSeek ? new MemoryStream(checked((int)(content.Length - content.Position))) : new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
