using UglyToad.PdfPig.Writer;

namespace RagPlatform.SampleCorpus.Formats.Pdf;

/// <summary>
/// How a block is typeset. <paramref name="LinesKeptWithNext"/> is the number of following body lines that must fit
/// on the same page, so that a heading never ends up alone at the bottom of a page.
/// </summary>
internal sealed record PdfTextStyle(
    PdfDocumentBuilder.AddedFont Font,
    double FontSize,
    double LineHeight,
    double SpaceBefore,
    int LinesKeptWithNext);
