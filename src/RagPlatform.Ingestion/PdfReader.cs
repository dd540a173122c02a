using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace RagPlatform.Ingestion;

/// <summary>
/// PDF via PdfPig with its layout-aware content-order extractor: one block per paragraph, tagged with its 1-based
/// page. Encrypted, truncated, corrupt and image-only (scanned) PDFs are rejected with a reason.
/// </summary>
internal sealed class PdfReader : IDocumentReader
{
    /// <summary>PDF readers accept the header anywhere in the first 1 KiB and the end marker in the last 1 KiB.</summary>
    private const int MarkerWindow = 1024;

    private static readonly ContentOrderTextExtractor.Options ExtractorOptions = new()
    {
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    public string Format => "pdf";

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public async Task<ExtractedDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken)
    {
        var bytes = await StreamBytes.ReadAllAsync(content, cancellationToken);
        EnsureComplete(bytes, sourcePath);
        try
        {
            using var document = PdfDocument.Open(bytes);
            var blocks = new List<DocumentBlock>();
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = ContentOrderTextExtractor.GetText(page, ExtractorOptions);
                blocks.AddRange(Paragraphs.SplitOnBlankLines(text).Select(paragraph => new DocumentBlock(paragraph, string.Empty, page.Number)));
            }

            if (blocks.Count == 0)
            {
                throw new InvalidDocumentException(
                    sourcePath,
                    $"no text layer: none of its {document.NumberOfPages} page(s) has extractable text (probably scanned images); OCR is not supported — run OCR on it first and retry");
            }

            return new ExtractedDocument(DocumentTitles.Choose(sourcePath, document.Information.Title), blocks);
        }
        catch (PdfDocumentEncryptedException exception)
        {
            throw new InvalidDocumentException(sourcePath, "encrypted PDF is not supported; remove the password and retry", exception);
        }
        catch (Exception exception) when (exception is not (InvalidDocumentException or OperationCanceledException))
        {
            // PdfPig reports malformed input with many exception types; any of them means the file cannot be read.
            throw new InvalidDocumentException(sourcePath, $"corrupt PDF ({exception.Message}); re-export or repair it and retry", exception);
        }
    }

    private static void EnsureComplete(ReadOnlySpan<byte> bytes, string sourcePath)
    {
        if (bytes[..Math.Min(bytes.Length, MarkerWindow)].IndexOf("%PDF-"u8) < 0)
        {
            throw new InvalidDocumentException(
                sourcePath,
                "not a PDF: the %PDF- signature is missing, so the extension does not match the content; check what the file really is");
        }

        if (bytes[Math.Max(0, bytes.Length - MarkerWindow)..].IndexOf("%%EOF"u8) < 0)
        {
            throw new InvalidDocumentException(
                sourcePath,
                "truncated PDF: the %%EOF end marker is missing, so the file is incomplete; download or export it again");
        }
    }
}
