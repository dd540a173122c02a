namespace RagPlatform.Web.Chat;

internal static class SourceDescription
{
    /// <summary>"Title — Heading > Subheading, page 3": where a passage sits in its document.</summary>
    public static string Of(string title, string headingPath, int? page)
    {
        var description = headingPath.Length > 0 ? $"{title} — {headingPath}" : title;
        return page is int number ? $"{description}, page {number}" : description;
    }
}
