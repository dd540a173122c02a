using RagPlatform.SampleCorpus.Sources;

namespace RagPlatform.SampleCorpus.Formats;

/// <summary>Word-level comparison between a source document and the text read back from a generated file.</summary>
internal static class SourceText
{
    public static IReadOnlyList<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<string> Words(SourceBlock block) => block switch
    {
        HeadingBlock heading => Words(heading.Text),
        ParagraphBlock paragraph => Words(paragraph.Text),
        TableBlock table => table.Rows.SelectMany(row => row).SelectMany(Words).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown source block type."),
    };

    public static IReadOnlyList<string> Words(SourceDocument document) =>
        document.Blocks.SelectMany(Words).ToArray();

    public static void RequireSameWords(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string outputPath)
    {
        var commonLength = Math.Min(expected.Count, actual.Count);
        for (var index = 0; index < commonLength; index++)
        {
            if (!string.Equals(expected[index], actual[index], StringComparison.Ordinal))
            {
                throw new InvalidDataException(
                    $"{outputPath}: read-back text differs from the source at word {index + 1}: expected "
                    + $"'{Excerpt(expected, index)}' but found '{Excerpt(actual, index)}'.");
            }
        }

        if (expected.Count != actual.Count)
        {
            throw new InvalidDataException(
                $"{outputPath}: read back {actual.Count} words but the source has {expected.Count}.");
        }
    }

    private static string Excerpt(IReadOnlyList<string> words, int index) =>
        string.Join(' ', words.Skip(Math.Max(0, index - 3)).Take(7));
}
