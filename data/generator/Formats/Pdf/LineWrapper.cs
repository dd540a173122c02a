namespace RagPlatform.SampleCorpus.Formats.Pdf;

/// <summary>Greedy word wrapping: each line takes as many words as fit into the given width.</summary>
internal static class LineWrapper
{
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in SourceText.Words(text))
        {
            if (measure(word) > maxWidth)
            {
                throw new InvalidDataException(
                    $"The word '{word}' is wider than the text column ({maxWidth:0} pt); shorten it or add a space.");
            }

            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && measure(candidate) > maxWidth)
            {
                lines.Add(current);
                candidate = word;
            }

            current = candidate;
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}
