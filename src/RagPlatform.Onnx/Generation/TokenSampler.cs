using System.Numerics.Tensors;

namespace RagPlatform.Onnx.Generation;

/// <summary>
/// Picks the next token from logits: repetition penalty, then greedy argmax or temperature / top-k / top-p sampling
/// (the order Hugging Face applies them). Buffers are sized once per generation; picking allocates nothing.
/// </summary>
internal sealed class TokenSampler
{
    private const float NegligibleLogitGap = 30f;

    private readonly GenerationOptions _options;
    private readonly Random _random;
    private readonly bool[] _seen;
    private readonly List<int> _seenIds = [];
    private readonly float[] _sortKeys;
    private readonly int[] _sortIds;

    public TokenSampler(GenerationOptions options, int vocabularySize)
    {
        _options = options;
        _random = options.Seed is { } seed ? new Random(unchecked((int)(seed ^ (seed >> 32)))) : new Random();
        _seen = new bool[vocabularySize];
        var sampling = options.Temperature > 0;
        _sortKeys = sampling ? new float[vocabularySize] : [];
        _sortIds = sampling ? new int[vocabularySize] : [];
    }

    /// <summary>Records tokens (prompt and picks) that the repetition penalty applies to.</summary>
    public void Observe(IEnumerable<int> tokenIds)
    {
        foreach (var id in tokenIds)
        {
            Observe(id);
        }
    }

    public void Observe(int tokenId)
    {
        if ((uint)tokenId < (uint)_seen.Length && !_seen[tokenId])
        {
            _seen[tokenId] = true;
            _seenIds.Add(tokenId);
        }
    }

    /// <summary>Picks a token; <paramref name="logits"/> is modified in place.</summary>
    public int Next(Span<float> logits)
    {
        ApplyRepetitionPenalty(logits);
        var picked = _options.Temperature <= 0 ? TensorPrimitives.IndexOfMax(logits) : Sample(logits);
        Observe(picked);
        return picked;
    }

    private void ApplyRepetitionPenalty(Span<float> logits)
    {
        var penalty = _options.RepetitionPenalty;
        if (penalty == 1f)
        {
            return;
        }

        foreach (var id in _seenIds)
        {
            if (id < logits.Length)
            {
                logits[id] = logits[id] < 0 ? logits[id] * penalty : logits[id] / penalty;
            }
        }
    }

    private int Sample(Span<float> logits)
    {
        var temperature = _options.Temperature;
        var largest = TensorPrimitives.Max(logits);

        // Tokens more than NegligibleLogitGap · T below the best have probability below e^-30 of it; leaving them
        // out of the sort changes nothing measurable and keeps the sort to a few hundred candidates.
        var floor = largest - (NegligibleLogitGap * temperature);
        var count = 0;
        for (var id = 0; id < logits.Length; id++)
        {
            if (logits[id] >= floor)
            {
                _sortKeys[count] = -logits[id];
                _sortIds[count++] = id;
            }
        }

        // Ascending negated logits = descending logits, so top-k and top-p are prefixes.
        var keys = _sortKeys.AsSpan(0, count);
        var ids = _sortIds.AsSpan(0, count);
        keys.Sort(ids);
        var candidates = _options.TopK > 0 ? Math.Min(_options.TopK, count) : count;
        var probabilities = keys[..candidates];
        for (var i = 0; i < candidates; i++)
        {
            probabilities[i] = MathF.Exp((-probabilities[i] - largest) / temperature);
        }

        var total = TensorPrimitives.Sum(probabilities);
        if (_options.TopP < 1f)
        {
            var kept = 0f;
            var limit = _options.TopP * total;
            var keep = 0;
            while (keep < candidates && (keep == 0 || kept < limit))
            {
                kept += probabilities[keep++];
            }

            candidates = keep;
            total = kept;
        }

        var draw = _random.NextDouble() * total;
        for (var i = 0; i < candidates; i++)
        {
            draw -= probabilities[i];
            if (draw < 0)
            {
                return ids[i];
            }
        }

        return ids[candidates - 1];
    }
}
