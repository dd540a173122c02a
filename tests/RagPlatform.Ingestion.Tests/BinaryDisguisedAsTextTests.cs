namespace RagPlatform.Ingestion.Tests;

public sealed class BinaryDisguisedAsTextTests
{
    public static TheoryData<string, string, byte[]> Cases()
    {
        var data = new TheoryData<string, string, byte[]>();
        (string Kind, byte[] Bytes)[] binaries =
        [
            ("PDF", [.. "%PDF-1.7\n"u8, .. "1 0 obj"u8]),
            ("ZIP archive", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]),
            ("PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]),
            ("ELF executable", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01]),
            ("NUL byte at offset 2", [0x41, 0x42, 0x00, 0x43]),
        ];
        foreach (var format in new[] { "txt", "md", "html" })
        {
            foreach (var (kind, bytes) in binaries)
            {
                data.Add(format, kind, bytes);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TextReadersRejectBinaryContent(string format, string kind, byte[] bytes)
    {
        IDocumentReader reader = format switch
        {
            "txt" => new PlainTextReader(),
            "md" => new MarkdownReader(),
            _ => new HtmlReader(),
        };

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => reader.ReadBytesAsync(bytes, "disguised." + format));

        Assert.StartsWith("binary content", error.Reason);
        Assert.Contains(kind, error.Reason);
    }
}
