namespace RagPlatform.Benchmarks.Harness;

/// <summary>Replaces one "## " section of a Markdown file and leaves the others as they are.</summary>
internal static class MarkdownSections
{
    private const string SectionPrefix = "## ";

    /// <param name="section">The section's text, starting with its own <paramref name="heading"/> line.</param>
    public static void Replace(string path, string heading, string section, string newFileHeader)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : newFileHeader.Split('\n').ToList();
        var start = lines.FindIndex(line => line.TrimEnd() == heading);
        var replacement = section.TrimEnd('\n').Split('\n');
        if (start < 0)
        {
            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            lines.Add("");
            lines.AddRange(replacement);
        }
        else
        {
            var end = lines.FindIndex(start + 1, line => line.StartsWith(SectionPrefix, StringComparison.Ordinal));
            var count = (end < 0 ? lines.Count : end) - start;
            lines.RemoveRange(start, count);
            lines.InsertRange(start, end < 0 ? replacement : [.. replacement, ""]);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }
}
