using System.Text;

namespace RagPlatform.Onnx.Generation;

/// <summary>
/// Passes streamed text through until a stop sequence appears, and holds back any tail that could still become one,
/// so neither a stop sequence nor a beginning of one is ever emitted.
/// </summary>
internal sealed class StopSequenceFilter
{
    private readonly IReadOnlyList<string> _stops;
    private readonly StringBuilder _pending = new();

    public StopSequenceFilter(IReadOnlyList<string> stopSequences) =>
        _stops = stopSequences.Where(stop => stop.Length > 0).ToArray();

    public bool Stopped { get; private set; }

    /// <returns>The text that is certain not to belong to a stop sequence.</returns>
    public string Push(string text)
    {
        if (Stopped)
        {
            return "";
        }

        _pending.Append(text);
        if (_stops.Count == 0)
        {
            return Take(_pending.Length);
        }

        var pending = _pending.ToString();
        var stopAt = _stops.Select(stop => pending.IndexOf(stop, StringComparison.Ordinal)).Where(index => index >= 0).DefaultIfEmpty(-1).Min();
        if (stopAt >= 0)
        {
            Stopped = true;
            var before = pending[..stopAt];
            _pending.Clear();
            return before;
        }

        return Take(pending.Length - LongestStopPrefixSuffix(pending));
    }

    /// <returns>Text held back because it might have started a stop sequence that never completed.</returns>
    public string Flush() => Stopped ? "" : Take(_pending.Length);

    private string Take(int length)
    {
        var text = _pending.ToString(0, length);
        _pending.Remove(0, length);
        return text;
    }

    private int LongestStopPrefixSuffix(string pending)
    {
        var longest = 0;
        foreach (var stop in _stops)
        {
            for (var length = Math.Min(stop.Length - 1, pending.Length); length > longest; length--)
            {
                if (pending.AsSpan(pending.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
