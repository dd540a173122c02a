using Microsoft.ML.OnnxRuntime;

namespace RagPlatform.Onnx.Runtime;

/// <summary>
/// One sequence's key/value cache and the logits of its last run. The cache is the previous run's present.* outputs,
/// fed back as past_key_values.*; the input buffers grow once and are reused every step.
/// </summary>
internal sealed class DecoderState : IDisposable
{
    private IDisposable? _owner;
    private OrtValue? _logits;
    private long[] _attentionMask = [];

    internal DecoderState(OrtValue[] emptyPast, int vocabularySize)
    {
        Past = [.. emptyPast];
        _owner = new DisposableValues(emptyPast);
        VocabularySize = vocabularySize;
    }

    /// <summary>Tokens already in the cache.</summary>
    public int Length { get; private set; }

    /// <summary>Tokens fed in the last run; <see cref="CopyLogits"/> positions count within them.</summary>
    public int LastRunLength { get; private set; }

    public int VocabularySize { get; }

    internal OrtValue[] Past { get; }

    internal long[] TokenBuffer { get; private set; } = [];

    internal long[] PositionBuffer { get; private set; } = [];

    internal bool[] CacheBranch { get; } = new bool[1];

    /// <summary>Copies the next-token logits after the token at <paramref name="position"/> of the last run.</summary>
    public void CopyLogits(int position, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, LastRunLength);
        var logits = _logits ?? throw new InvalidOperationException("The decoder has not run yet.");
        logits.GetTensorDataAsSpan<float>().Slice(position * VocabularySize, VocabularySize).CopyTo(destination);
    }

    public void CopyLastLogits(Span<float> destination) => CopyLogits(LastRunLength - 1, destination);

    public void Dispose()
    {
        _owner?.Dispose();
        _owner = null;
        _logits = null;
    }

    internal void EnsureCapacity(int newTokens, int totalTokens)
    {
        if (TokenBuffer.Length < newTokens)
        {
            TokenBuffer = new long[newTokens];
            PositionBuffer = new long[newTokens];
        }

        if (_attentionMask.Length < totalTokens)
        {
            _attentionMask = new long[Math.Max(totalTokens, _attentionMask.Length * 2)];
            Array.Fill(_attentionMask, 1L);
        }
    }

    internal Memory<long> AttentionMask(int totalTokens) => _attentionMask.AsMemory(0, totalTokens);

    /// <summary>Takes ownership of a run's outputs: logits first, then present key/values in past order.</summary>
    internal void Advance(IDisposableReadOnlyCollection<OrtValue> outputs, int newTokens)
    {
        _owner?.Dispose();
        _owner = outputs;
        _logits = outputs[0];
        for (var i = 0; i < Past.Length; i++)
        {
            Past[i] = outputs[i + 1];
        }

        Length += newTokens;
        LastRunLength = newTokens;
    }

    private sealed class DisposableValues(OrtValue[] values) : IDisposable
    {
        public void Dispose()
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }
}
