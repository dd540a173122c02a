using System.Globalization;
using RagPlatform.Benchmarks.Harness;
using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Benchmarks.Onnx;

/// <summary>
/// The local transformer runtime against hand-written ONNX Runtime baselines on random-weight models of real shapes:
/// embedding throughput, length-grouped batching, cached decoding, and memory per model.
/// </summary>
internal sealed class OnnxSuite(string modelRoot, Action<string> progress)
{
    private const double EmbeddingOverheadTarget = 0.90;
    private const double LengthGroupingTarget = 1.5;
    private const double KeyValueCacheTarget = 5.0;

    public async Task<OnnxResults> RunAsync(CancellationToken cancellationToken)
    {
        progress("Writing the MiniLM-L6-shaped encoder and the Llama-shaped decoder …");
        OnnxWorkloads.WriteModels(modelRoot);

        progress("Measuring memory per model (one child process each) …");
        var encoderMemory = await MemoryProbe.MeasureInChildAsync(OnnxModelKind.Encoder, OnnxWorkloads.EncoderDirectory(modelRoot), cancellationToken).ConfigureAwait(false);
        var decoderMemory = await MemoryProbe.MeasureInChildAsync(OnnxModelKind.Decoder, OnnxWorkloads.DecoderDirectory(modelRoot), cancellationToken).ConfigureAwait(false);

        progress("Embedding throughput: runtime against raw InferenceSession.Run …");
        var throughput = await EmbeddingThroughputAsync(cancellationToken).ConfigureAwait(false);
        progress("Length-grouped batching against input-order batches …");
        var grouping = await LengthGroupingAsync(cancellationToken).ConfigureAwait(false);
        progress("Decoding with the key/value cache against full recomputation …");
        var decoding = await CachedDecodingAsync(cancellationToken).ConfigureAwait(false);

        return new OnnxResults([throughput, grouping, decoding], [("MiniLM-L6-shaped encoder", encoderMemory), ("Llama-shaped decoder", decoderMemory)]);
    }

    private async Task<SpeedResult> EmbeddingThroughputAsync(CancellationToken cancellationToken)
    {
        var directory = OnnxWorkloads.EncoderDirectory(modelRoot);
        var corpus = EncoderCorpus.Create(directory, OnnxWorkloads.UniformLengths, OnnxWorkloads.CorpusSeed);
        using var generator = OnnxWorkloads.OpenEncoder(directory);
        using var raw = new RawEncoder(ModelPath(directory), corpus.TokenIds, OnnxWorkloads.EmbeddingBatchSize, corpus.PadTokenId);
        var check = await generator.GenerateAsync(corpus.Texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (check.Usage?.InputTokenCount != corpus.TotalTokens)
        {
            throw new InvalidOperationException(
                $"The runtime ran {check.Usage?.InputTokenCount} tokens but the baseline feeds {corpus.TotalTokens}; the comparison would be unfair.");
        }

        var times = await PairedTimer.MeasureAsync(
            () => Task.Run(raw.RunAll, cancellationToken),
            () => generator.GenerateAsync(corpus.Texts, cancellationToken: cancellationToken),
            warmups: 1, repetitions: 7, cancellationToken).ConfigureAwait(false);
        return new SpeedResult(
            "Embedding throughput",
            $"MiniLM-L6 shape (6 layers, hidden 384, 12 heads, FFN 1536, vocab 30522); {corpus.Describe()}; batch {OnnxWorkloads.EmbeddingBatchSize}",
            "raw `InferenceSession.Run` on the same pre-tokenised, pre-padded batches",
            "`OnnxEmbeddingGenerator.GenerateAsync` (tokenise, batch, run, mean-pool, normalise)",
            times,
            EmbeddingOverheadTarget,
            Rate(corpus.Texts.Count, "texts", times));
    }

    private async Task<SpeedResult> LengthGroupingAsync(CancellationToken cancellationToken)
    {
        var directory = OnnxWorkloads.EncoderDirectory(modelRoot);
        var lengths = EncoderCorpus.Skewed(count: 256, min: 8, max: 256, seed: OnnxWorkloads.CorpusSeed);
        var corpus = EncoderCorpus.Create(directory, lengths, OnnxWorkloads.CorpusSeed);
        var batch = OnnxWorkloads.EmbeddingBatchSize;
        var inputOrderBatches = corpus.Texts.Chunk(batch).ToArray();
        using var generator = OnnxWorkloads.OpenEncoder(directory);

        var times = await PairedTimer.MeasureAsync(
            async () =>
            {
                foreach (var texts in inputOrderBatches)
                {
                    await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            },
            () => generator.GenerateAsync(corpus.Texts, cancellationToken: cancellationToken),
            warmups: 0, repetitions: 3, cancellationToken).ConfigureAwait(false);

        var indices = Enumerable.Range(0, lengths.Count).ToArray();
        var inputOrderCells = corpus.PaddedTokens(indices, batch);
        var groupedCells = corpus.PaddedTokens(indices.OrderBy(index => lengths[index]), batch);
        return new SpeedResult(
            "Length-grouped batching",
            $"same encoder; {corpus.Describe()}, lengths skewed short (8 + 248·u³); batch {batch}",
            $"the runtime called once per input-order batch of {batch} (one call = one batch, so it cannot regroup)",
            "the runtime called once with all texts (sorts by length, then batches)",
            times,
            LengthGroupingTarget,
            string.Create(CultureInfo.InvariantCulture,
                $"token positions run incl. padding: {inputOrderCells:N0} in input order vs {groupedCells:N0} grouped " +
                $"({(double)inputOrderCells / groupedCells:F2}× fewer); {corpus.TotalTokens:N0} real tokens"));
    }

    private async Task<SpeedResult> CachedDecodingAsync(CancellationToken cancellationToken)
    {
        var directory = OnnxWorkloads.DecoderDirectory(modelRoot);
        var spec = OnnxWorkloads.Decoder;
        using var client = OnnxWorkloads.OpenDecoder(directory);
        var (prompt, promptTokens) = await OnnxWorkloads.FindFullLengthPromptAsync(client, cancellationToken).ConfigureAwait(false);
        using var recompute = new RecomputeDecoder(ModelPath(directory));

        // Only the prompt's length matters to the cost of a step, not which ids it holds.
        var promptIds = Enumerable.Range(0, promptTokens).Select(i => (long)((i * 31 + 5) % spec.VocabSize)).ToArray();
        var newTokens = OnnxWorkloads.NewTokens;
        var times = await PairedTimer.MeasureAsync(
            () => Task.Run(() => recompute.Generate(promptIds, newTokens), cancellationToken),
            () => OnnxWorkloads.DecodeAsync(client, prompt, cancellationToken),
            warmups: 0, repetitions: 3, cancellationToken).ConfigureAwait(false);
        return new SpeedResult(
            "Decoding with key/value cache",
            $"Llama shape (hidden {spec.HiddenSize}, {spec.Layers} layers, {spec.Heads} heads, {spec.KvHeads} kv heads, FFN {spec.IntermediateSize}, " +
            $"vocab {spec.VocabSize}); {promptTokens}-token prompt + {newTokens} greedy tokens",
            "raw `InferenceSession.Run` feeding the whole sequence every step (empty past), argmax",
            $"`OnnxChatClient` greedy, MaxOutputTokens = {newTokens} (prompt chosen so it runs the full budget)",
            times,
            KeyValueCacheTarget,
            string.Create(CultureInfo.InvariantCulture,
                $"{newTokens / times.Baseline.Median:F0} tokens/s recomputing vs {newTokens / times.Candidate.Median:F0} tokens/s cached"));
    }

    private static string ModelPath(string directory) => Path.Combine(directory, TestModelFactory.ModelFileName);

    private static string Rate(int items, string unit, PairedTimes times) => string.Create(CultureInfo.InvariantCulture,
        $"{items / times.Baseline.Median:F1} {unit}/s raw vs {items / times.Candidate.Median:F1} {unit}/s runtime");
}

/// <summary>Everything the ONNX suite measured.</summary>
internal sealed record OnnxResults(IReadOnlyList<SpeedResult> Speed, IReadOnlyList<(string Model, MemoryUsage Usage)> Memory);

internal static class OnnxModelKind
{
    public const string Encoder = "encoder";
    public const string Decoder = "decoder";
}
