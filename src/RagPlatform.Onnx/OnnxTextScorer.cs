using System.Numerics.Tensors;
using System.Text;
using RagPlatform.Core.Generation;
using RagPlatform.Onnx.Runtime;

namespace RagPlatform.Onnx;

/// <summary>
/// Per-token log-probabilities of a continuation given a context, from the decoder behind an
/// <see cref="OnnxChatClient"/> (one forward pass over context + continuation, no sampling).
/// </summary>
public sealed class OnnxTextScorer : ITextScorer
{
    private readonly OnnxChatClient _client;

    public OnnxTextScorer(OnnxChatClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <remarks>
    /// Context and continuation are tokenized together, as the model would see them, and split where the context's own
    /// tokens end. With an empty context and no BOS token the first continuation token has nothing to be predicted
    /// from and is left out.
    /// </remarks>
    public async Task<TextScore> ScoreAsync(string context, string continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        var tokenizer = _client.Folder.Tokenizer;
        var contextIds = tokenizer.Encode(context);
        var ids = tokenizer.Encode(context + continuation).ToList();
        var split = contextIds.Zip(ids).TakeWhile(pair => pair.First == pair.Second).Count();
        if (tokenizer.AddBosToken && tokenizer.BosTokenId is { } bos)
        {
            ids.Insert(0, bos);
            split++;
        }

        var first = Math.Max(split, 1);
        if (first >= ids.Count)
        {
            return new TextScore([]);
        }

        if (ids.Count > _client.Folder.MaxLength)
        {
            throw new ArgumentException(
                $"Context and continuation have {ids.Count} tokens but the model's context holds {_client.Folder.MaxLength} (MaxLength).",
                nameof(continuation));
        }

        var session = _client.Session;
        using var state = session.CreateState();
        using (var run = new CancellableRun(cancellationToken))
        {
            await run.RunAsync(runOptions => session.Run(state, ids.ToArray(), runOptions)).ConfigureAwait(false);
        }

        var logits = new float[state.VocabularySize];
        var scores = new List<TokenLogProbability>(ids.Count - first);
        for (var position = first; position < ids.Count; position++)
        {
            state.CopyLogits(position - 1, logits);
            var logSumExp = LogSumExp(logits);
            var token = ids[position];
            scores.Add(new TokenLogProbability(Encoding.UTF8.GetString(tokenizer.TokenBytes(token)), logits[token] - logSumExp));
        }

        return new TextScore(scores);
    }

    private static double LogSumExp(ReadOnlySpan<float> logits)
    {
        var max = TensorPrimitives.Max(logits);
        double sum = 0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }

        return max + Math.Log(sum);
    }
}
