using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RagPlatform.Onnx.Folders;
using RagPlatform.Onnx.Runtime;
using RagPlatform.Onnx.Tokenization;

namespace RagPlatform.Onnx.Generation;

/// <summary>
/// The decoding loop: one prefill run over the prompt, then one run per new token feeding the key/value cache back,
/// until an end-of-sequence token, a stop sequence, the token budget or the context length.
/// </summary>
internal sealed class TextGenerator
{
    private readonly DecoderSession _session;
    private readonly ModelTokenizer _tokenizer;
    private readonly HashSet<int> _endOfSequence;
    private readonly int _contextLength;
    private readonly ILogger _logger;

    public TextGenerator(ModelFolder folder, DecoderSession session, ILogger logger)
    {
        _session = session;
        _tokenizer = folder.Tokenizer;
        _endOfSequence = [.. folder.EosTokenIds];
        _contextLength = folder.MaxLength;
        _logger = logger;
    }

    public async IAsyncEnumerable<GeneratedChunk> GenerateAsync(
        IReadOnlyList<int> prompt, GenerationOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Validate(options);
        if (prompt.Count == 0)
        {
            throw new ArgumentException("The prompt is empty.", nameof(prompt));
        }

        if (prompt.Count >= _contextLength)
        {
            throw new ArgumentException(
                $"The prompt has {prompt.Count} tokens but the model's context holds {_contextLength} (MaxLength); shorten the conversation or raise MaxLength.",
                nameof(prompt));
        }

        var budget = Math.Min(options.MaxNewTokens, _contextLength - prompt.Count);
        var sampler = new TokenSampler(options, _session.VocabularySize);
        sampler.Observe(prompt);
        var decoder = new TokenTextDecoder(_tokenizer);
        var stops = new StopSequenceFilter(options.StopSequences);
        var logits = new float[_session.VocabularySize];
        var next = new int[1];
        int[] feed = [.. prompt];

        using var state = _session.CreateState();
        using var run = new CancellableRun(cancellationToken);

        var generated = 0;
        var finish = ChatFinishReason.Length;
        while (generated < budget)
        {
            await run.RunAsync(runOptions => _session.Run(state, feed, runOptions)).ConfigureAwait(false);
            state.CopyLastLogits(logits);
            var token = sampler.Next(logits);
            generated++;
            if (_endOfSequence.Contains(token))
            {
                finish = ChatFinishReason.Stop;
                break;
            }

            var text = stops.Push(decoder.Append(token));
            if (text.Length > 0)
            {
                yield return new GeneratedChunk(text, generated);
            }

            if (stops.Stopped)
            {
                finish = ChatFinishReason.Stop;
                break;
            }

            next[0] = token;
            feed = next;
        }

        OnnxLog.Generated(_logger, prompt.Count, generated, finish.Value);
        yield return new GeneratedChunk(stops.Push(decoder.Flush()) + stops.Flush(), generated, finish);
    }

    private static void Validate(GenerationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxNewTokens, nameof(options.MaxNewTokens));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Temperature, nameof(options.Temperature));
        ArgumentOutOfRangeException.ThrowIfNegative(options.TopK, nameof(options.TopK));
        if (options.TopP is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options.TopP), options.TopP, "TopP must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RepetitionPenalty, nameof(options.RepetitionPenalty));
    }
}
