namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// Shape of a Llama-style decoder test model. <see cref="KvHeads"/> below <see cref="Heads"/> gives grouped-query
/// attention; <see cref="Seed"/> makes its random weights reproducible.
/// </summary>
public sealed record DecoderSpec(
    int VocabSize = 512,
    int HiddenSize = 64,
    int Layers = 2,
    int Heads = 4,
    int KvHeads = 2,
    int IntermediateSize = 128,
    int MaxPositions = 512,
    float RopeTheta = 10000f,
    int Seed = 1)
{
    public const float RmsNormEpsilon = 1e-6f;

    public int HeadDim => HiddenSize / Heads;

    internal void Validate()
    {
        SpecValidation.RequirePositive(nameof(DecoderSpec), (nameof(VocabSize), VocabSize), (nameof(HiddenSize), HiddenSize),
            (nameof(Layers), Layers), (nameof(Heads), Heads), (nameof(KvHeads), KvHeads),
            (nameof(IntermediateSize), IntermediateSize), (nameof(MaxPositions), MaxPositions));
        SpecValidation.RequireDivisible(nameof(DecoderSpec), (nameof(HiddenSize), HiddenSize), (nameof(Heads), Heads));
        SpecValidation.RequireDivisible(nameof(DecoderSpec), (nameof(Heads), Heads), (nameof(KvHeads), KvHeads));
        if (HeadDim % 2 != 0)
        {
            throw new ArgumentException($"DecoderSpec.HiddenSize / Heads ({HeadDim}) must be even for rotary embeddings; change HiddenSize or Heads.");
        }

        if (!(RopeTheta > 1f) || float.IsInfinity(RopeTheta))
        {
            throw new ArgumentException($"DecoderSpec.RopeTheta ({RopeTheta}) must be a finite number above 1, e.g. 10000.");
        }
    }
}
