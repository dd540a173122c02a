using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RagPlatform.Ingestion;

/// <summary>
/// Word documents via DocumentFormat.OpenXml: Title and Heading 1–9 paragraphs (matched by style id or style name)
/// become heading paths, table rows become "a | b" blocks. The ZIP container is checked first, so fake, truncated
/// and zip-bomb files are rejected before OpenXml inflates anything.
/// </summary>
internal sealed partial class DocxReader : IDocumentReader
{
    internal const long MaxUncompressedBytes = 256L * 1024 * 1024;
    internal const int MaxEntries = 10_000;

    /// <summary>Word XML compresses about 10:1; ratios far beyond that are how zip bombs look.</summary>
    internal const double MaxCompressionRatio = 200;

    private const int TitleLevel = 0;

    public string Format => "docx";

    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public async Task<ExtractedDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var bytes = await StreamBytes.ReadAllAsync(content, cancellationToken);
        EnsureSafeZip(bytes, sourcePath);
        using var package = new MemoryStream(bytes, writable: false);
        try
        {
            using var document = WordprocessingDocument.Open(package, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidDocumentException(sourcePath, "not a Word document: the package has no main document part; re-save it from Word as .docx");
            var walker = new Walker(HeadingLevels(document.MainDocumentPart.StyleDefinitionsPart?.Styles), cancellationToken);
            walker.Visit(body);
            return new ExtractedDocument(DocumentTitles.Choose(sourcePath, document.PackageProperties.Title, walker.FirstHeading), walker.Blocks);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException)
        {
            throw new InvalidDocumentException(sourcePath, $"corrupt DOCX ({exception.Message}); re-save it from Word and retry", exception);
        }
    }

    private static void EnsureSafeZip(byte[] bytes, string sourcePath)
    {
        if (!bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            throw new InvalidDocumentException(
                sourcePath,
                "not a DOCX: the ZIP signature (PK) is missing, so the extension does not match the content; check what the file really is");
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                throw new InvalidDocumentException(sourcePath, $"suspicious DOCX: {archive.Entries.Count} ZIP entries (limit {MaxEntries}); refusing to open it");
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                var ratio = (double)entry.Length / Math.Max(entry.CompressedLength, 1);
                if (total > MaxUncompressedBytes || ratio > MaxCompressionRatio)
                {
                    throw new InvalidDocumentException(
                        sourcePath,
                        $"looks like a zip bomb: entry '{entry.FullName}' declares {ByteSize.Format(entry.Length)} uncompressed from {ByteSize.Format(entry.CompressedLength)} "
                        + $"(limits: {ByteSize.Format(MaxUncompressedBytes)} in total, ratio {MaxCompressionRatio:0}:1); refusing to open it");
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDocumentException(sourcePath, $"corrupt or truncated DOCX: the ZIP archive cannot be read ({exception.Message}); re-save it from Word and retry", exception);
        }
    }

    /// <summary>Heading level per style id, from the ids and the names of the document's styles ("Heading2", "heading 2", "Title").</summary>
    private static Dictionary<string, int> HeadingLevels(Styles? styles)
    {
        var levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && (HeadingLevel(id) ?? HeadingLevel(style.StyleName?.Val?.Value)) is { } level)
            {
                levels[id] = level;
            }
        }

        return levels;
    }

    private static int? HeadingLevel(string? styleIdOrName)
    {
        if (styleIdOrName is null)
        {
            return null;
        }

        if (styleIdOrName.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return TitleLevel;
        }

        var match = HeadingStyle().Match(styleIdOrName);
        return match.Success ? match.Groups[1].Value[0] - '0' : null;
    }

    [GeneratedRegex(@"^heading\s?([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();

    private sealed class Walker(Dictionary<string, int> styleHeadingLevels, CancellationToken cancellationToken)
    {
        private readonly HeadingTrail _headings = new();

        public List<DocumentBlock> Blocks { get; } = [];

        public string? FirstHeading { get; private set; }

        public void Visit(OpenXmlElement element)
        {
            foreach (var child in element.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (child)
                {
                    case Paragraph paragraph:
                        VisitParagraph(paragraph);
                        break;
                    case Table table:
                        foreach (var row in table.Elements<TableRow>())
                        {
                            Add(string.Join(" | ", row.Elements<TableCell>().Select(CellText)));
                        }

                        break;
                    default:
                        Visit(child);
                        break;
                }
            }
        }

        private void VisitParagraph(Paragraph paragraph)
        {
            var text = ParagraphText(paragraph);
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var level = styleId is null ? null : styleHeadingLevels.TryGetValue(styleId, out var known) ? known : HeadingLevel(styleId);
            if (level is { } headingLevel)
            {
                FirstHeading ??= string.IsNullOrWhiteSpace(text) ? null : text;
                _headings.Enter(headingLevel, text);
            }
            else
            {
                Add(text);
            }
        }

        private void Add(string text) => Blocks.Add(new DocumentBlock(text, _headings.Path, null));

        private static string CellText(TableCell cell) =>
            string.Join(" ", cell.Descendants<Paragraph>().Select(ParagraphText).Where(text => !string.IsNullOrWhiteSpace(text))).Trim();

        private static string ParagraphText(Paragraph paragraph)
        {
            var text = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text run:
                        text.Append(run.Text);
                        break;
                    case TabChar:
                        text.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                }
            }

            return text.ToString();
        }
    }
}
