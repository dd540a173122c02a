namespace RagPlatform.Ingestion;

/// <summary>The chain of headings above the current position, keyed by level (a new heading closes deeper ones).</summary>
internal sealed class HeadingTrail
{
    public const string Separator = " > ";

    private readonly SortedList<int, string> _headings = [];

    public string Path => string.Join(Separator, _headings.Values);

    public void Enter(int level, string heading)
    {
        while (_headings.Count > 0 && _headings.Keys[^1] >= level)
        {
            _headings.RemoveAt(_headings.Count - 1);
        }

        var text = TextNormalizer.NormalizeLine(heading);
        if (text.Length > 0)
        {
            _headings.Add(level, text);
        }
    }
}
