using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RagPlatform.Core.Generation;
using RagPlatform.Onnx.Folders;
using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Onnx.Tests;

[Collection(ModelFolderCollection.Name)]
public sealed class EmbeddingGeneratorTests(ModelFolders folders)
{
    private const float Tolerance = 1e-4f;

    private static readonly string[] Texts =
    [
        "students learn retrieval",
        "a",
        "the teacher explains how a language model finds the answer in the documents of the course",
        "hello world",
        "guru menjelaskan pertanyaan siswa tentang buku",
        "",
        "search",
    ];

    [Fact]
    public async Task Embeddings_equal_the_reference_mean_pooled_and_normalised()
    {
        using var generator = Generator(folders.Encoder);

        var embeddings = await generator.GenerateAsync(Texts);

        Assert.Equal(Texts.Length, embeddings.Count);
        for (var i = 0; i < Texts.Length; i++)
        {
            AssertClose(Reference(Texts[i], cls: false), embeddings[i].Vector.ToArray());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public async Task Batch_size_and_padding_do_not_change_any_embedding(int batchSize)
    {
        using var oneAtATime = Generator(folders.Encoder, options => options.BatchSize = 1);
        using var batched = Generator(folders.Encoder, options => options.BatchSize = batchSize);
        var single = new List<float[]>();
        foreach (var text in Texts)
        {
            single.Add((await oneAtATime.GenerateAsync([text]))[0].Vector.ToArray());
        }

        var together = await batched.GenerateAsync(Texts);
        var reversed = await batched.GenerateAsync(Texts.Reverse());

        for (var i = 0; i < Texts.Length; i++)
        {
            AssertClose(single[i], together[i].Vector.ToArray(), 1e-5f);
            AssertClose(single[i], reversed[Texts.Length - 1 - i].Vector.ToArray(), 1e-5f);
        }
    }

    [Fact]
    public async Task Cls_pooling_takes_the_first_token_state()
    {
        var folder = folders.Copy(folders.Encoder);
        File.WriteAllText(Path.Combine(folder, ModelManifest.FileName), """{"pooling": "cls"}""");
        using var generator = Generator(folder);

        var embeddings = await generator.GenerateAsync(Texts[..3]);

        for (var i = 0; i < 3; i++)
        {
            AssertClose(Reference(Texts[i], cls: true), embeddings[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task Normalisation_can_be_switched_off()
    {
        var folder = folders.Copy(folders.Encoder);
        File.WriteAllText(Path.Combine(folder, ModelManifest.FileName), """{"normalize": false}""");
        using var generator = Generator(folder);

        var vector = (await generator.GenerateAsync([Texts[0]]))[0].Vector.ToArray();

        AssertClose(Reference(Texts[0], cls: false, normalize: false), vector);
        Assert.NotEqual(1f, MathF.Sqrt(vector.Sum(v => v * v)), 3);
    }

    [Fact]
    public async Task Query_and_passage_prefixes_follow_the_input_kind()
    {
        var folder = folders.Copy(folders.Encoder);
        File.WriteAllText(Path.Combine(folder, ModelManifest.FileName), """{"queryPrefix": "question: ", "passagePrefix": "document: "}""");
        using var generator = Generator(folder);
        const string text = "students learn retrieval";

        var query = (await generator.GenerateAsync([text], EmbeddingInputKind.ForQueries()))[0].Vector.ToArray();
        var passage = (await generator.GenerateAsync([text], EmbeddingInputKind.ForPassages()))[0].Vector.ToArray();
        var unspecified = (await generator.GenerateAsync([text]))[0].Vector.ToArray();

        AssertClose(Reference("question: " + text, cls: false), query);
        AssertClose(Reference("document: " + text, cls: false), passage);
        Assert.Equal(passage, unspecified);
    }

    [Fact]
    public async Task Unknown_input_kind_is_rejected()
    {
        using var generator = Generator(folders.Encoder);
        var options = new EmbeddingGenerationOptions { AdditionalProperties = new() { [EmbeddingInputKind.PropertyName] = "keyword" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(["x"], options));

        Assert.Contains("Unknown ragp.input_kind 'keyword'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncation_is_counted_and_logged()
    {
        var logger = new ListLogger<OnnxEmbeddingGenerator>();
        using var generator = new OnnxEmbeddingGenerator(new OnnxModelOptions { Path = folders.Encoder, MaxLength = 8 }, logger);
        var longText = Texts[2];

        var embeddings = await generator.GenerateAsync([longText, "hello world"]);

        Assert.Equal(1, embeddings.AdditionalProperties![OnnxEmbeddingGenerator.TruncatedInputsProperty]);
        Assert.Equal(1, generator.TruncatedInputCount);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Truncated 1 of 2 inputs to the model's 8 tokens", StringComparison.Ordinal));
        var tokenizer = ModelFolder.Load(folders.Encoder).Tokenizer;
        var kept = tokenizer.Encode(longText).Take(6).Select(id => (long)id);
        AssertClose(ReferenceOfIds([tokenizer.ClsTokenId!.Value, .. kept, tokenizer.SepTokenId!.Value], cls: false, normalize: true), embeddings[0].Vector.ToArray());
        Assert.Equal(8 + 4, embeddings.Usage!.InputTokenCount);
    }

    [Fact]
    public async Task Metadata_reports_model_and_dimensions()
    {
        using var generator = Generator(folders.Encoder, options => options.ModelId = "test/bert");

        var embedding = (await generator.GenerateAsync(["hello"]))[0];

        Assert.Equal("test/bert", generator.Metadata.DefaultModelId);
        Assert.Equal(folders.EncoderSpec.HiddenSize, generator.Metadata.DefaultModelDimensions);
        Assert.Equal(folders.EncoderSpec.HiddenSize, embedding.Dimensions);
        Assert.Equal("test/bert", embedding.ModelId);
        Assert.Same(generator.Metadata, generator.GetService<EmbeddingGeneratorMetadata>());
    }

    [Fact]
    public async Task External_data_models_load_and_agree()
    {
        using var directory = new TempDirectory();
        TestModelFactory.WriteEncoderFolder(directory.Path, folders.EncoderSpec, externalData: true);
        using var generator = Generator(directory.Path);

        var embedding = (await generator.GenerateAsync([Texts[0]]))[0];

        Assert.True(File.Exists(directory.File(TestModelFactory.ExternalDataFileName)));
        AssertClose(Reference(Texts[0], cls: false), embedding.Vector.ToArray());
    }

    [Fact]
    public async Task Requested_dimensions_other_than_the_model_are_rejected()
    {
        using var generator = Generator(folders.Encoder);

        await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 16 }));
    }

    [Fact]
    public async Task Cancellation_stops_the_call()
    {
        using var generator = Generator(folders.Encoder);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(Texts, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_decoder_folder_is_refused_with_the_right_class_named()
    {
        var error = Assert.Throws<ModelFolderException>(() => Generator(folders.BpeDecoder));

        Assert.Contains("holds a generation model (model_type 'llama'); use OnnxChatClient for it", error.Message, StringComparison.Ordinal);
    }

    private static OnnxEmbeddingGenerator Generator(string folder, Action<OnnxModelOptions>? configure = null)
    {
        var options = new OnnxModelOptions { Path = folder, IntraOpThreads = 1 };
        configure?.Invoke(options);
        return new OnnxEmbeddingGenerator(options);
    }

    private float[] Reference(string text, bool cls, bool normalize = true)
    {
        var tokenizer = ModelFolder.Load(folders.Encoder).Tokenizer;
        long[] ids = [tokenizer.ClsTokenId!.Value, .. tokenizer.Encode(text).Select(id => (long)id), tokenizer.SepTokenId!.Value];
        return ReferenceOfIds(ids, cls, normalize);
    }

    private float[] ReferenceOfIds(long[] ids, bool cls, bool normalize)
    {
        var states = ReferenceTransformer.EncoderLastHiddenState(folders.EncoderWeights, ids, [.. ids.Select(_ => 1L)], new long[ids.Length]);
        var size = states[0].Length;
        var pooled = cls ? states[0] : Enumerable.Range(0, size).Select(d => states.Average(state => state[d])).ToArray();
        if (!normalize)
        {
            return pooled;
        }

        var norm = MathF.Sqrt(pooled.Sum(v => v * v));
        return pooled.Select(v => v / norm).ToArray();
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance = Tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => MathF.Abs(e - a)).Max();
        Assert.True(worst <= tolerance, $"largest difference {worst} exceeds {tolerance}");
    }
}
