namespace RagPlatform.Web.Chat;

internal static class SourceDescription
{
    /// <summary>"Title — Heading > Subheading, page 3": where a passage sits in its document.</summary>
    public static string Of(string title, string headingPath, int? page)
    {
        var headings = WithoutTitle(title, headingPath);
        var description = headings.Length > 0 ? $"{title} — {headings}" : title;
        return page is int number ? $"{description}, page {number}" : description;
    }

    /// <summary>The heading path without a first heading that merely repeats the document title.</summary>
    public static string WithoutTitle(string title, string headingPath)
    {
        const string Separator = " > ";
        if (string.Equals(headingPath, title, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return headingPath.StartsWith(title + Separator, StringComparison.Ordinal) ? headingPath[(title.Length + Separator.Length)..] : headingPath;
    }
}
