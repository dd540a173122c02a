namespace RagPlatform.Onnx.TestModels;

/// <summary>Creates small transformer models with random weights, in the shapes and names of Hugging Face / Optimum ONNX exports.</summary>
public static class TestModelFactory
{
    public const string ModelFileName = "model.onnx";
    public const string ExternalDataFileName = ModelFileName + "_data";

    /// <summary>Random BERT weights; the same spec (including its seed) always gives the same weights.</summary>
    public static EncoderWeights CreateEncoderWeights(EncoderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var random = new RandomWeightGenerator(spec.Seed);
        var hidden = spec.HiddenSize;
        var wordEmbeddings = random.Embedding(spec.VocabSize, hidden);
        var positionEmbeddings = random.Embedding(spec.MaxPositions, hidden);
        var tokenTypeEmbeddings = random.Embedding(spec.TypeVocabSize, hidden);
        var embeddingNorm = random.LayerNorm(hidden);
        var layers = Enumerable.Range(0, spec.Layers)
            .Select(_ => new EncoderLayerWeights(
                Query: random.Linear(hidden, hidden, withBias: true),
                Key: random.Linear(hidden, hidden, withBias: true),
                Value: random.Linear(hidden, hidden, withBias: true),
                AttentionOutput: random.Linear(hidden, hidden, withBias: true),
                AttentionNorm: random.LayerNorm(hidden),
                Intermediate: random.Linear(hidden, spec.IntermediateSize, withBias: true),
                Output: random.Linear(spec.IntermediateSize, hidden, withBias: true),
                OutputNorm: random.LayerNorm(hidden)))
            .ToArray();
        return new EncoderWeights(spec, wordEmbeddings, positionEmbeddings, tokenTypeEmbeddings, embeddingNorm, layers);
    }

    /// <summary>Random Llama weights; the same spec (including its seed) always gives the same weights.</summary>
    public static DecoderWeights CreateDecoderWeights(DecoderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var random = new RandomWeightGenerator(spec.Seed);
        var hidden = spec.HiddenSize;
        var kvSize = spec.KvHeads * spec.HeadDim;
        var tokenEmbeddings = random.Embedding(spec.VocabSize, hidden);
        var layers = Enumerable.Range(0, spec.Layers)
            .Select(_ => new DecoderLayerWeights(
                InputNorm: random.NormScale(hidden),
                Query: random.Linear(hidden, hidden, withBias: false),
                Key: random.Linear(hidden, kvSize, withBias: false),
                Value: random.Linear(hidden, kvSize, withBias: false),
                AttentionOutput: random.Linear(hidden, hidden, withBias: false),
                PostAttentionNorm: random.NormScale(hidden),
                Gate: random.Linear(hidden, spec.IntermediateSize, withBias: false),
                Up: random.Linear(hidden, spec.IntermediateSize, withBias: false),
                Down: random.Linear(spec.IntermediateSize, hidden, withBias: false)))
            .ToArray();
        var finalNorm = random.NormScale(hidden);
        var lmHead = random.Linear(hidden, spec.VocabSize, withBias: false);
        return new DecoderWeights(spec, tokenEmbeddings, layers, finalNorm, lmHead);
    }

    /// <summary>The encoder as a self-contained ONNX model (all weights inline).</summary>
    public static byte[] BuildEncoderModel(EncoderWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return EncoderGraph.Build(weights).ToBytes();
    }

    /// <summary>The decoder-with-past as a self-contained ONNX model (all weights inline).</summary>
    public static byte[] BuildDecoderModel(DecoderWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return DecoderGraph.Build(weights).ToBytes();
    }

    /// <summary>
    /// Writes an Optimum-layout encoder folder: model.onnx (weights in model.onnx_data when <paramref name="externalData"/>),
    /// config.json, and a WordPiece tokenizer (vocab.txt of exactly VocabSize tokens, tokenizer_config.json, special_tokens_map.json).
    /// </summary>
    public static void WriteEncoderFolder(string directory, EncoderSpec spec, bool externalData = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Directory.CreateDirectory(directory);
        WordPieceTokenizerWriter.Write(directory, spec.VocabSize, spec.MaxPositions);
        HuggingFaceConfigWriter.WriteEncoder(directory, spec);
        EncoderGraph.Build(CreateEncoderWeights(spec)).Save(Path.Combine(directory, ModelFileName), externalData);
    }

    /// <summary>
    /// Writes an Optimum-layout decoder-with-past folder: model.onnx (weights in model.onnx_data when <paramref name="externalData"/>),
    /// config.json, generation_config.json and the tokenizer files of <paramref name="tokenizer"/>, whose vocabulary is
    /// trained to fill at most spec.VocabSize ids.
    /// </summary>
    public static void WriteDecoderFolder(string directory, DecoderSpec spec, TestTokenizerKind tokenizer, bool externalData = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Directory.CreateDirectory(directory);
        var tokenizerInfo = tokenizer switch
        {
            TestTokenizerKind.ByteLevelBpe => ByteLevelBpeTokenizerWriter.Write(directory, spec.VocabSize, spec.MaxPositions),
            TestTokenizerKind.SentencePiece => SentencePieceTokenizerWriter.Write(directory, spec.VocabSize, spec.MaxPositions),
            _ => throw new ArgumentOutOfRangeException(nameof(tokenizer), tokenizer, "Unknown tokenizer kind."),
        };
        HuggingFaceConfigWriter.WriteDecoder(directory, spec, tokenizerInfo);
        DecoderGraph.Build(CreateDecoderWeights(spec)).Save(Path.Combine(directory, ModelFileName), externalData);
    }
}
