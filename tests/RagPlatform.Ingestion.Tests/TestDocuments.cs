using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace RagPlatform.Ingestion.Tests;

/// <summary>Builds real PDF, DOCX and ZIP files in memory for the tests.</summary>
internal static class TestDocuments
{
    /// <summary>One page per entry; each line of a page is written as its own text line.</summary>
    public static byte[] Pdf(string? title, params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PdfPageSize.A4);
            for (var i = 0; i < lines.Length; i++)
            {
                page.AddText(lines[i], 12, new PdfPoint(50, 780 - (i * 16)), font);
            }
        }

        return builder.Build();
    }

    /// <summary>A PDF whose pages only carry drawings, like a scan without a text layer.</summary>
    public static byte[] PdfWithoutText(int pageCount)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pageCount; i++)
        {
            builder.AddPage(PdfPageSize.A4).DrawRectangle(new PdfPoint(50, 50), 200, 300);
        }

        return builder.Build();
    }

    public static byte[] Docx(string? title, IEnumerable<OpenXmlElement> bodyElements, IEnumerable<Style>? styles = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(bodyElements));
            if (styles is not null)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(styles);
            }

            if (title is not null)
            {
                document.PackageProperties.Title = title;
            }
        }

        return stream.ToArray();
    }

    public static Paragraph Paragraph(string text, string? styleId = null)
    {
        var paragraph = new Paragraph(new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (styleId is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        return paragraph;
    }

    public static Table Table(params string[][] rows) =>
        new(rows.Select(cells => new TableRow(cells.Select(cell => new TableCell(Paragraph(cell))))));

    public static Style ParagraphStyle(string id, string name) =>
        new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

    /// <summary>A ZIP with one entry; with <paramref name="claimedSize"/> its headers then lie about the uncompressed size.</summary>
    public static byte[] Zip(string entryName, string content, uint? claimedSize = null)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(entryName).Open();
            entry.Write(Encoding.UTF8.GetBytes(content));
        }

        var bytes = stream.ToArray();
        if (claimedSize is { } size)
        {
            PatchUInt32AfterSignature(bytes, 0x04034b50, offset: 22, size);
            PatchUInt32AfterSignature(bytes, 0x02014b50, offset: 24, size);
        }

        return bytes;
    }

    /// <summary>Deterministic noise (fixed seed) for files that must not parse.</summary>
    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private static void PatchUInt32AfterSignature(byte[] bytes, uint signature, int offset, uint value)
    {
        Span<byte> pattern = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(pattern, signature);
        var at = bytes.AsSpan().IndexOf(pattern);
        Assert.True(at >= 0, $"ZIP record 0x{signature:X8} not found");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + offset), value);
    }
}
