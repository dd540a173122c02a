using RagPlatform.SampleCorpus.Sources;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RagPlatform.SampleCorpus.Formats.Pdf;

/// <summary>Typesets a source as an A4 PDF with the standard 14 Helvetica fonts and reads it back with PdfPig.</summary>
internal sealed class PdfCorpusFormat : ICorpusFormat
{
    private const double BodyFontSize = 11;
    private const double BodyLineHeight = 15.5;

    public string Extension => "pdf";

    public void Write(SourceDocument document, string outputPath)
    {
        RequireSupportedContent(document);

        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = document.Title;
        builder.DocumentInformation.Author = CorpusAuthorship.Author;
        builder.DocumentInformation.Creator = CorpusAuthorship.Generator;

        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var body = new PdfTextStyle(regular, BodyFontSize, BodyLineHeight, SpaceBefore: 7, LinesKeptWithNext: 0);
        var title = new PdfTextStyle(bold, 18, 24, SpaceBefore: 0, LinesKeptWithNext: 1);
        var section = new PdfTextStyle(bold, 13, 18, SpaceBefore: 14, LinesKeptWithNext: 2);

        var composer = new PdfPageComposer(builder, regular, BodyLineHeight);
        try
        {
            foreach (var block in document.Blocks)
            {
                var (text, style) = block switch
                {
                    HeadingBlock heading => (heading.Text, heading.Level == 1 ? title : section),
                    ParagraphBlock paragraph => (paragraph.Text, body),
                    _ => throw new InvalidDataException($"a {block.GetType().Name} cannot be typeset in a PDF."),
                };
                composer.Write(text, style);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"{document.SourcePath}: {exception.Message}", exception);
        }

        File.WriteAllBytes(outputPath, composer.Build());
    }

    public string Verify(SourceDocument document, string outputPath)
    {
        using var pdf = PdfDocument.Open(outputPath);
        var pages = pdf.GetPages().ToArray();
        var expected = SourceText.Words(document);

        // Both PdfPig's word extractor and plain letter concatenation must give the source words, so that
        // readers that rely on either one see correctly separated words.
        var extractedWords = pages
            .SelectMany(page => page.GetWords())
            .Where(word => IsBodyText(word.BoundingBox))
            .Select(word => word.Text)
            .ToArray();
        SourceText.RequireSameWords(expected, extractedWords, outputPath + " (word extractor)");

        var concatenatedLetters = string.Concat(pages
            .SelectMany(page => page.Letters)
            .Where(letter => IsBodyText(letter.BoundingBox))
            .Select(letter => letter.Value));
        SourceText.RequireSameWords(expected, SourceText.Words(concatenatedLetters), outputPath + " (letter stream)");

        if (pdf.Information.Title != document.Title)
        {
            throw new InvalidDataException($"{outputPath}: the PDF title is '{pdf.Information.Title}', expected '{document.Title}'.");
        }

        return $"{pages.Length} pages, {extractedWords.Length} words read back by PdfPig and matched";
    }

    private static bool IsBodyText(PdfRectangle bounds) => bounds.Top > PdfPageGeometry.FooterTopLimit;

    private static void RequireSupportedContent(SourceDocument document)
    {
        if (document.Blocks.OfType<TableBlock>().Any())
        {
            throw new InvalidDataException(
                $"{document.SourcePath}: tables are only supported in .docx sources; write the table as paragraphs.");
        }

        foreach (var word in SourceText.Words(document))
        {
            var unsupported = word.FirstOrDefault(character => !IsPrintableLatin1(character));
            if (unsupported != default)
            {
                throw new InvalidDataException(
                    $"{document.SourcePath}: '{word}' contains U+{(int)unsupported:X4}, which the standard 14 PDF fonts "
                    + "cannot encode; use ASCII or Latin-1 (for example write 'sqrt(d_k)' and 'K^T').");
            }
        }
    }

    private static bool IsPrintableLatin1(char character) =>
        character is >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF';
}
