using System.Globalization;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace RagPlatform.SampleCorpus.Formats.Pdf;

/// <summary>
/// Places wrapped lines top to bottom, starting a new page whenever the body area is full, and puts the page number
/// in each page's footer after its body text so that text extractors read the number last.
/// </summary>
internal sealed class PdfPageComposer(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont footerFont, double bodyLineHeight)
{
    private PdfPageBuilder? page;
    private double cursorY;
    private int pageNumber;

    public void Write(string text, PdfTextStyle style)
    {
        var currentPage = page ?? StartPage();
        var measuringPage = currentPage;
        var lines = LineWrapper.Wrap(text, PdfPageGeometry.TextWidth, line => Measure(measuringPage, line, style.FontSize, style.Font));
        var isAtTopOfPage = cursorY >= PdfPageGeometry.PageHeight - PdfPageGeometry.TopMargin;
        var neededHeight = (isAtTopOfPage ? 0 : style.SpaceBefore)
            + (Math.Min(lines.Count, 2) * style.LineHeight)
            + (style.LinesKeptWithNext * bodyLineHeight);

        if (!isAtTopOfPage && cursorY - neededHeight < PdfPageGeometry.BodyBottom)
        {
            currentPage = StartPage();
        }
        else if (!isAtTopOfPage)
        {
            cursorY -= style.SpaceBefore;
        }

        foreach (var line in lines)
        {
            if (cursorY - style.LineHeight < PdfPageGeometry.BodyBottom)
            {
                currentPage = StartPage();
            }

            // The trailing space keeps words apart for extractors that simply concatenate letters (PdfPig's Page.Text).
            var baseline = cursorY - style.FontSize;
            currentPage.AddText(line + " ", style.FontSize, new PdfPoint(PdfPageGeometry.HorizontalMargin, baseline), style.Font);
            cursorY -= style.LineHeight;
        }
    }

    public byte[] Build()
    {
        FinishPage();
        return builder.Build();
    }

    private PdfPageBuilder StartPage()
    {
        FinishPage();
        page = builder.AddPage(PdfPageGeometry.PageWidth, PdfPageGeometry.PageHeight);
        pageNumber++;
        cursorY = PdfPageGeometry.PageHeight - PdfPageGeometry.TopMargin;
        return page;
    }

    private void FinishPage()
    {
        if (page is null)
        {
            return;
        }

        var footer = "Page " + pageNumber.ToString(CultureInfo.InvariantCulture);
        var footerWidth = Measure(page, footer, PdfPageGeometry.FooterFontSize, footerFont);
        var footerX = PdfPageGeometry.PageWidth - PdfPageGeometry.HorizontalMargin - footerWidth;
        page.AddText(footer, PdfPageGeometry.FooterFontSize, new PdfPoint(footerX, PdfPageGeometry.FooterBaseline), footerFont);
    }

    private static double Measure(PdfPageBuilder target, string text, double fontSize, PdfDocumentBuilder.AddedFont font)
    {
        var letters = target.MeasureText(text, fontSize, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters.Max(letter => letter.EndBaseLine.X);
    }
}
