namespace RagPlatform.Ingestion;

internal static class DocumentTitles
{
    /// <summary>The title used when a document declares none: its file name without the extension.</summary>
    public static string FromPath(string sourcePath)
    {
        var name = Path.GetFileNameWithoutExtension(sourcePath);
        return name.Length > 0 ? name : Path.GetFileName(sourcePath);
    }

    /// <summary>The first of <paramref name="candidates"/> that has text after normalisation, else the file name.</summary>
    public static string Choose(string sourcePath, params IEnumerable<string?> candidates) =>
        candidates.Select(candidate => candidate is null ? string.Empty : TextNormalizer.NormalizeLine(candidate))
            .FirstOrDefault(candidate => candidate.Length > 0)
        ?? FromPath(sourcePath);
}
