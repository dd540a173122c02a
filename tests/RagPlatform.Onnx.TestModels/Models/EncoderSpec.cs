namespace RagPlatform.Onnx.TestModels;

/// <summary>Shape of a BERT-style encoder test model; <see cref="Seed"/> makes its random weights reproducible.</summary>
public sealed record EncoderSpec(
    int VocabSize = 1024,
    int HiddenSize = 64,
    int Layers = 2,
    int Heads = 4,
    int IntermediateSize = 128,
    int MaxPositions = 128,
    int TypeVocabSize = 2,
    int Seed = 1)
{
    public const float LayerNormEpsilon = 1e-12f;

    /// <summary>The shape of sentence-transformers/all-MiniLM-L6-v2, for benchmarks.</summary>
    public static EncoderSpec MiniLmL6 => new(30522, 384, 6, 12, 1536, 512, 2, 1);

    public int HeadDim => HiddenSize / Heads;

    internal void Validate()
    {
        SpecValidation.RequirePositive(nameof(EncoderSpec), (nameof(VocabSize), VocabSize), (nameof(HiddenSize), HiddenSize),
            (nameof(Layers), Layers), (nameof(Heads), Heads), (nameof(IntermediateSize), IntermediateSize),
            (nameof(MaxPositions), MaxPositions), (nameof(TypeVocabSize), TypeVocabSize));
        SpecValidation.RequireDivisible(nameof(EncoderSpec), (nameof(HiddenSize), HiddenSize), (nameof(Heads), Heads));
    }
}
