using System.Text;

namespace RagPlatform.Ingestion;

/// <summary>
/// A document's normalised text (blocks joined with "\n\n") and the sections that locate its headings and pages.
/// Sections are maximal runs of blocks with the same heading path and page, in order and non-overlapping.
/// </summary>
public sealed record DocumentContent(string Title, string Text, IReadOnlyList<ContentSection> Sections)
{
    public const string BlockSeparator = "\n\n";

    /// <summary>Normalises every block, drops the empty ones and records where each section lies in the text.</summary>
    public static DocumentContent Create(ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        var sections = new List<ContentSection>();
        foreach (var block in document.Blocks)
        {
            var blockText = TextNormalizer.NormalizeBlock(block.Text);
            if (blockText.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(BlockSeparator);
            }

            var start = text.Length;
            text.Append(blockText);
            var headingPath = TextNormalizer.NormalizeLine(block.HeadingPath);
            if (sections.Count > 0 && sections[^1].HeadingPath == headingPath && sections[^1].Page == block.Page)
            {
                sections[^1] = sections[^1] with { End = text.Length };
            }
            else
            {
                sections.Add(new ContentSection(start, text.Length, headingPath, block.Page));
            }
        }

        return new DocumentContent(TextNormalizer.NormalizeLine(document.Title), text.ToString(), sections);
    }
}

/// <summary>A region of <see cref="DocumentContent.Text"/>: [Start, End) under one heading path on one page.</summary>
public sealed record ContentSection(int Start, int End, string HeadingPath, int? Page);
