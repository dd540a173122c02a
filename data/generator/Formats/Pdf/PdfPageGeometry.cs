namespace RagPlatform.SampleCorpus.Formats.Pdf;

/// <summary>A4 page layout shared by the writer and the read-back check, in PDF points (1/72 inch).</summary>
internal static class PdfPageGeometry
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;
    public const double HorizontalMargin = 64;
    public const double TopMargin = 72;
    public const double BodyBottom = 72;
    public const double FooterBaseline = 36;
    public const double FooterFontSize = 9;

    public const double TextWidth = PageWidth - (2 * HorizontalMargin);

    /// <summary>Anything whose top edge lies below this line belongs to the footer, not to the body text.</summary>
    public const double FooterTopLimit = (FooterBaseline + BodyBottom) / 2;
}
