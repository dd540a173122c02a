using System.Text.RegularExpressions;

namespace RagPlatform.SampleCorpus.Sources;

/// <summary>
/// Reads the generator's small Markdown-like format: '# ' and '## ' headings, paragraphs separated by blank
/// lines (consecutive lines are joined with a space) and '|' tables whose optional '|---|' row is skipped.
/// </summary>
internal static partial class SourceParser
{
    public static SourceDocument Parse(string sourcePath)
    {
        var lines = File.ReadAllLines(sourcePath);
        var blocks = new List<SourceBlock>();
        var paragraph = new List<string>();
        var tableRows = new List<IReadOnlyList<string>>();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new ParagraphBlock(string.Join(' ', paragraph)));
                paragraph.Clear();
            }
        }

        void FlushTable()
        {
            if (tableRows.Count > 0)
            {
                blocks.Add(new TableBlock(tableRows.ToArray()));
                tableRows.Clear();
            }
        }

        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            var location = $"{sourcePath}:{index + 1}";

            if (line.StartsWith('|'))
            {
                FlushParagraph();
                var cells = ParseTableRow(line, location);
                if (!cells.All(cell => SeparatorCell().IsMatch(cell)))
                {
                    AddTableRow(tableRows, cells, location);
                }

                continue;
            }

            FlushTable();
            if (line.Length == 0)
            {
                FlushParagraph();
            }
            else if (line.StartsWith('#'))
            {
                FlushParagraph();
                blocks.Add(ParseHeading(line, location));
            }
            else
            {
                paragraph.Add(line);
            }
        }

        FlushParagraph();
        FlushTable();

        var title = blocks.OfType<HeadingBlock>().FirstOrDefault(heading => heading.Level == 1)?.Text
            ?? throw new InvalidDataException($"{sourcePath}: no '# ' heading found; the first '# ' heading is the document title.");
        return new SourceDocument(sourcePath, title, blocks);
    }

    private static HeadingBlock ParseHeading(string line, string location)
    {
        var level = line.TakeWhile(character => character == '#').Count();
        if (level > 2 || line.Length <= level || line[level] != ' ')
        {
            throw new InvalidDataException($"{location}: only '# ' and '## ' headings (hash marks followed by a space) are supported.");
        }

        return new HeadingBlock(level, line[(level + 1)..].Trim());
    }

    private static string[] ParseTableRow(string line, string location)
    {
        if (line.Length < 2 || !line.EndsWith('|'))
        {
            throw new InvalidDataException($"{location}: a table row must start and end with '|'.");
        }

        return line[1..^1].Split('|').Select(cell => cell.Trim()).ToArray();
    }

    private static void AddTableRow(List<IReadOnlyList<string>> rows, string[] cells, string location)
    {
        if (rows.Count > 0 && rows[0].Count != cells.Length)
        {
            throw new InvalidDataException(
                $"{location}: this table row has {cells.Length} cells but the header row has {rows[0].Count}.");
        }

        rows.Add(cells);
    }

    [GeneratedRegex("^:?-+:?$")]
    private static partial Regex SeparatorCell();
}
