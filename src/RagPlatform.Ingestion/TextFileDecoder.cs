using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace RagPlatform.Ingestion;

/// <summary>
/// Decodes text files strictly: a BOM selects UTF-8 or UTF-16 LE/BE, anything else must be valid UTF-8. Binary data
/// behind a text extension is rejected up front instead of producing mojibake.
/// </summary>
internal static class TextFileDecoder
{
    private static readonly (string Kind, byte[] Signature)[] BinarySignatures =
    [
        ("PDF", "%PDF-"u8.ToArray()),
        ("ZIP archive (DOCX, XLSX, …)", [0x50, 0x4B, 0x03, 0x04]),
        ("PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("GIF image", "GIF8"u8.ToArray()),
        ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("gzip archive", [0x1F, 0x8B]),
    ];

    public static async Task<string> ReadAllTextAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var bytes = await StreamBytes.ReadAllAsync(content, cancellationToken);
        return Decode(bytes, sourcePath);
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string sourcePath)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], sourcePath);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUtf16(bytes[2..], bigEndian: false, sourcePath);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUtf16(bytes[2..], bigEndian: true, sourcePath);
        }

        foreach (var (kind, signature) in BinarySignatures)
        {
            if (bytes.StartsWith(signature))
            {
                throw new InvalidDocumentException(
                    sourcePath,
                    $"binary content: the file starts with the signature of a {kind}, not text; give it its real extension or convert it to text");
            }
        }

        return DecodeUtf8(bytes, sourcePath);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string sourcePath)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new InvalidDocumentException(
                sourcePath,
                $"binary content: NUL byte at offset {nul}; this is not a text file (or it is UTF-16 without a byte-order mark) — convert it to UTF-8 text");
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw new InvalidDocumentException(
                    sourcePath,
                    $"not valid UTF-8 (invalid byte 0x{bytes[bytesRead]:X2} at offset {bytesRead}); it is probably in a legacy encoding such as Windows-1252 — re-save it as UTF-8 and retry");
            }

            return new string(chars, 0, charsWritten);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian, string sourcePath)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var name = bigEndian ? "UTF-16 BE" : "UTF-16 LE";
            throw new InvalidDocumentException(
                sourcePath,
                $"not valid {name} although it starts with a {name} byte-order mark (truncated or corrupt); re-save it as UTF-8 and retry",
                exception);
        }
    }
}
