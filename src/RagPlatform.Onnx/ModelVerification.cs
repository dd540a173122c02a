namespace RagPlatform.Onnx;

/// <summary>What <see cref="ModelVerifier"/> found: the folder loads, runs, and how fast.</summary>
/// <param name="Dimensions">Embedding size (embedding models only).</param>
/// <param name="Tokenizer">The tokenizer family: WordPiece, SentencePiece or ByteLevelBpe.</param>
/// <param name="VocabularySize">Tokens the tokenizer knows (embedding) or the logits cover (generation).</param>
/// <param name="ProbeTokens">Tokens processed by the probe: input tokens embedded, or output tokens generated.</param>
/// <param name="TokensPerSecond">ProbeTokens over the probe's wall-clock time.</param>
/// <param name="SampleText">The probe's generated text (generation models only).</param>
public sealed record ModelVerification(
    string Directory,
    string ModelId,
    string ModelType,
    ModelTask Task,
    string Provider,
    int? Dimensions,
    string Tokenizer,
    int VocabularySize,
    int ProbeTokens,
    double TokensPerSecond,
    string? SampleText);
