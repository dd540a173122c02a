using System.Text;

namespace RagPlatform.Ingestion.Tests;

public sealed class PlainTextReaderTests
{
    private const string Sample = "Panduan Singkat\n\nRetrieval menggabungkan pencarian dan generasi.\nBaris kedua paragraf.\r\n\r\n   \nParagraf ketiga: café naïve.";

    private readonly PlainTextReader _reader = new();

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8 with BOM")]
    [InlineData("utf-16 LE with BOM")]
    [InlineData("utf-16 BE with BOM")]
    public async Task DecodesByByteOrderMarkAndSplitsParagraphsOnBlankLines(string encoding)
    {
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Sample),
            "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)],
            "utf-16 LE with BOM" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)],
        };

        var document = await _reader.ReadBytesAsync(bytes, "notes/guide.txt");

        Assert.Equal("Panduan Singkat", document.Title);
        Assert.Equal(
            ["Panduan Singkat", "Retrieval menggabungkan pencarian dan generasi.\nBaris kedua paragraf.", "Paragraf ketiga: café naïve."],
            document.Texts());
        Assert.All(document.Blocks, block => Assert.Equal((string.Empty, (int?)null), (block.HeadingPath, block.Page)));
    }

    [Fact]
    public async Task InvalidUtf8IsAClearErrorNotMojibake()
    {
        byte[] windows1252 = [.. "Caf"u8, 0xE9, .. " au lait"u8];

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(windows1252, "menu.txt"));

        Assert.Contains("not valid UTF-8", error.Reason);
        Assert.Contains("offset 3", error.Reason);
        Assert.Contains("re-save it as UTF-8", error.Reason);
        Assert.StartsWith("menu.txt: ", error.Message);
    }

    [Fact]
    public async Task TruncatedUtf16IsAClearError()
    {
        byte[] oddLength = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Hi"), 0x41];

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => _reader.ReadBytesAsync(oddLength, "a.txt"));

        Assert.Contains("not valid UTF-16 LE", error.Reason);
    }

    [Fact]
    public async Task LongFirstLineFallsBackToTheFileName()
    {
        var text = new string('x', 200) + "\n\nSecond paragraph.";

        var document = await _reader.ReadBytesAsync(Encoding.UTF8.GetBytes(text), "corpus/long-line.txt");

        Assert.Equal("long-line", document.Title);
    }
}
