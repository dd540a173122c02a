namespace RagPlatform.Storage.Vectors;

/// <summary>Keeps the <c>capacity</c> highest-scoring items offered, with a cheap test for the scan's hot loop.</summary>
internal sealed class BestScores<T>
{
    private readonly int _capacity;
    private readonly PriorityQueue<T, float> _kept;
    private float _worstKept = float.NegativeInfinity;

    public BestScores(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _kept = new PriorityQueue<T, float>(capacity + 1);
    }

    /// <summary>True when <see cref="Offer"/> would keep an item of this score; cheaper than offering it.</summary>
    public bool WouldKeep(float score) => _kept.Count < _capacity || score > _worstKept;

    public void Offer(T item, float score)
    {
        if (_kept.Count < _capacity)
        {
            _kept.Enqueue(item, score);
        }
        else if (score > _worstKept)
        {
            _kept.DequeueEnqueue(item, score);
        }
        else
        {
            return;
        }

        if (_kept.Count == _capacity)
        {
            _kept.TryPeek(out _, out _worstKept);
        }
    }

    /// <summary>The kept items in no particular order.</summary>
    public IEnumerable<(T Item, float Score)> Items => _kept.UnorderedItems.Select(entry => (entry.Element, entry.Priority));
}
